package io.newsflow.nlp.quotes;

import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.text.Document;
import io.newsflow.nlp.text.Token;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is named where in one article: entity mentions, named groups and title phrases, with the title each person
 * is given ("the Italian Prime Minister, Giorgia Meloni" speaks for Italy). Built once per article.
 */
public final class ArticleReferents {

  /** A title found next to a person: the role's tokens and the country or organisation it is of. */
  private record Title(List<String> role, EntityRef of, boolean speaksFor) {}

  private final Document doc;
  private final Lexicon lexicon;
  private final Map<TextField, List<Referent>> byField = new EnumMap<>(TextField.class);
  private final Map<String, Title> titles = new HashMap<>();
  private final Map<String, EntityRef> refsById = new HashMap<>();
  private final Map<String, EntityType> typesById = new HashMap<>();
  /** For each character of each text, the index + 1 of the referent covering it in {@link #byField}, or 0. */
  private final Map<TextField, int[]> coverage = new EnumMap<>(TextField.class);

  public ArticleReferents(Document doc, List<Entity> entities, Lexicon lexicon) {
    this.doc = doc;
    this.lexicon = lexicon;
    for (TextField field : TextField.values()) {
      byField.put(field, new ArrayList<>());
    }
    for (Entity entity : entities) {
      refsById.put(entity.id(), entity.ref());
      if (entity.type() == EntityType.MISC) {
        continue;
      }
      for (TextSpan mention : entity.mentions()) {
        byField.get(mention.field()).add(new Referent(Referent.Kind.ENTITY, entity.ref(), entity.type(),
            mention.field(), mention.start(), mention.end(), isPossessive(mention.field(), mention.end())));
      }
    }
    for (TextField field : TextField.values()) {
      addGroups(field);
      byField.get(field).sort(Comparator.comparingInt(Referent::start));
    }
    for (TextField field : TextField.values()) {
      for (Referent r : byField.get(field)) {
        if (r.isPerson()) {
          findTitle(r);
        }
      }
    }
    for (TextField field : TextField.values()) {
      addTitlePhrases(field);
      byField.get(field).sort(Comparator.comparingInt(Referent::start));
      index(field);
    }
    for (TextField field : TextField.values()) {
      for (Referent r : byField.get(field)) {
        typesById.putIfAbsent(r.ref().id(), r.type());
      }
    }
  }

  private void index(TextField field) {
    int[] cover = new int[doc.text(field).length() + 1];
    List<Referent> list = byField.get(field);
    for (int i = 0; i < list.size(); i++) {
      for (int p = list.get(i).start(); p < list.get(i).end(); p++) {
        cover[p] = i + 1;
      }
    }
    coverage.put(field, cover);
  }

  /** Whether an id names a person anywhere in the article. */
  public boolean isPerson(EntityRef ref) {
    return typesById.get(ref.id()) == EntityType.PERSON;
  }

  public Document document() {
    return doc;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  public List<Referent> all(TextField field) {
    return byField.get(field);
  }

  /** Referents lying wholly inside {@code [from, to)}, in text order. */
  public List<Referent> within(TextField field, int from, int to) {
    List<Referent> out = new ArrayList<>();
    for (Referent r : byField.get(field)) {
      if (r.start() >= from && r.end() <= to) {
        out.add(r);
      }
    }
    return out;
  }

  /** The referent covering a position, or null. */
  public Referent at(TextField field, int position) {
    int[] cover = coverage.get(field);
    if (cover != null) {
      int i = position >= 0 && position < cover.length ? cover[position] : 0;
      return i == 0 ? null : byField.get(field).get(i - 1);
    }
    for (Referent r : byField.get(field)) {
      if (r.start() <= position && position < r.end()) {
        return r;
      }
    }
    return null;
  }

  /** The country or organisation a person speaks for, when the text gives them such a title; else null. */
  public EntityRef onBehalfOf(EntityRef person) {
    Title title = titles.get(person.id());
    return title != null && title.speaksFor() ? title.of() : null;
  }

  /** Whether a name only qualifies a title after it ("Harbour City coach Lena Fischer", "Kestrel CEO"). */
  public boolean isTitleModifier(Referent r) {
    List<Token> tokens = doc.tokens(r.field());
    int next = doc.tokenIndexAt(r.field(), r.end());
    if (next < tokens.size() && tokens.get(next).lower().equals("'s")) {
      next++;
    }
    return next < tokens.size() && lexicon.startsRole(tokens.get(next).lower());
  }

  /**
   * Whether a referent is the object of a preposition ("a call with President Trump", "troops in Ukraine"), so
   * not a subject. Titles, determiners and other names between the preposition and the name are skipped.
   */
  public boolean isGovernedByPreposition(Referent r) {
    if (r.possessive()) {
      return false;
    }
    List<Token> tokens = doc.tokens(r.field());
    for (int i = doc.tokenIndexAt(r.field(), r.start()) - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      Referent other = at(r.field(), t.start());
      if (other != null || t.lower().equals("the") || t.lower().equals("a") || t.lower().equals("an")
          || lexicon.isRoleWord(t.lower()) || lexicon.demonym(t.text()) != null) {
        continue;
      }
      return lexicon.isPreposition(t.lower());
    }
    return false;
  }

  private boolean isPossessive(TextField field, int end) {
    String text = doc.text(field);
    return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’')
        && (text.charAt(end + 1) == 's' || Character.isWhitespace(text.charAt(end + 1)));
  }

  /** Named groups: capitalised words, optional modifiers, then a group noun ("Eastern wing countries"). */
  private void addGroups(TextField field) {
    List<Token> tokens = doc.tokens(field);
    for (int i = 0; i < tokens.size(); i++) {
      if (!lexicon.isGroupHead(tokens.get(i).lower())) {
        continue;
      }
      int first = i;
      while (first > 0 && lexicon.isGroupModifier(tokens.get(first - 1).lower())) {
        first--;
      }
      int firstCap = first;
      while (firstCap > 0 && tokens.get(firstCap - 1).isCapitalised() && tokens.get(firstCap - 1).isWord()
          && !lexicon.isGroupStop(tokens.get(firstCap - 1).text())) {
        firstCap--;
      }
      int headStart = tokens.get(i).start();
      if (firstCap == first || byField.get(field).stream()
          .anyMatch(r -> r.start() <= headStart && headStart < r.end())) {
        continue;
      }
      int start = tokens.get(firstCap).start();
      int end = tokens.get(i).end();
      StringBuilder slug = new StringBuilder();
      for (int k = firstCap; k <= i; k++) {
        slug.append(k > firstCap ? "-" : "").append(tokens.get(k).lower().replaceAll("[^a-z0-9]+", ""));
      }
      String name = doc.text(field).substring(start, end);
      EntityRef ref = new EntityRef("local:group:" + slug, name);
      byField.get(field).removeIf(r -> r.start() >= start && r.end() <= end);
      byField.get(field).add(new Referent(Referent.Kind.GROUP, ref, EntityType.ORGANIZATION, field, start, end,
          isPossessive(field, end)));
    }
  }

  /** A title before ("French President Emmanuel Macron") or after ("Meloni, the Italian prime minister"). */
  private void findTitle(Referent person) {
    if (titles.containsKey(person.ref().id())) {
      return;
    }
    List<Token> tokens = doc.tokens(person.field());
    int before = doc.tokenIndexAt(person.field(), person.start()) - 1;
    if (before >= 0 && tokens.get(before).text().equals(",")) {
      before--;
    }
    Title title = titleEndingAt(person.field(), before);
    if (title == null) {
      int after = doc.tokenIndexAt(person.field(), person.end());
      if (after < tokens.size() && tokens.get(after).text().equals(",")) {
        title = titleStartingAt(person.field(), after + 1);
      }
    }
    if (title != null) {
      titles.put(person.ref().id(), title);
    }
  }

  /** A title whose last token is at index {@code last}: "[country] role" or "role of [the] organisation". */
  private Title titleEndingAt(TextField field, int last) {
    if (last < 0) {
      return null;
    }
    List<Token> tokens = doc.tokens(field);
    Referent of = at(field, tokens.get(last).start());
    if (of != null && !of.isPerson()) {
      int k = doc.tokenIndexAt(field, of.start()) - 1;
      if (k >= 0 && tokens.get(k).lower().equals("the")) {
        k--;
      }
      if (k >= 0 && tokens.get(k).lower().equals("of")) {
        Lexicon.Role role = roleEndingAt(tokens, k - 1);
        if (role != null) {
          return new Title(role.tokens(), of.ref(), role.speaksFor());
        }
      }
      return null;
    }
    Lexicon.Role role = roleEndingAt(tokens, last);
    if (role == null) {
      return null;
    }
    EntityRef country = countryEndingAt(field, last - role.tokens().size());
    return country == null ? null : new Title(role.tokens(), country, role.speaksFor());
  }

  private Title titleStartingAt(TextField field, int first) {
    List<Token> tokens = doc.tokens(field);
    int k = first;
    if (k < tokens.size() && tokens.get(k).lower().equals("the")) {
      k++;
    }
    if (k >= tokens.size()) {
      return null;
    }
    EntityRef country = lexicon.demonym(tokens.get(k).text());
    Referent ref = at(field, tokens.get(k).start());
    if (country == null && ref != null && !ref.isPerson()) {
      country = ref.ref();
      k = doc.tokenIndexAt(field, ref.end());
      if (k < tokens.size() && tokens.get(k).lower().equals("'s")) {
        k++;
      }
    } else if (country != null) {
      k++;
    }
    if (country == null) {
      return null;
    }
    for (Lexicon.Role role : lexicon.roles()) {
      if (matches(tokens, k, role.tokens())) {
        return new Title(role.tokens(), country, role.speaksFor());
      }
    }
    return null;
  }

  private Lexicon.Role roleEndingAt(List<Token> tokens, int last) {
    if (last < 0 || last >= tokens.size()) {
      return null;
    }
    for (Lexicon.Role role : lexicon.rolesEndingWith(tokens.get(last).lower())) {
      int first = last - role.tokens().size() + 1;
      if (first >= 0 && matches(tokens, first, role.tokens())) {
        return role;
      }
    }
    return null;
  }

  /** A nationality adjective, a country name or "Italy's" ending at token index {@code last}. */
  private EntityRef countryEndingAt(TextField field, int last) {
    if (last < 0) {
      return null;
    }
    List<Token> tokens = doc.tokens(field);
    Token t = tokens.get(last);
    if (t.lower().equals("'s") && last > 0) {
      t = tokens.get(last - 1);
    }
    EntityRef demonym = lexicon.demonym(t.text());
    Referent ref = at(field, t.start());
    if (ref != null && !ref.isPerson()) {
      return ref.ref();
    }
    if (demonym != null) {
      return refsById.getOrDefault(demonym.id(), demonym);
    }
    return null;
  }

  private static boolean matches(List<Token> tokens, int from, List<String> words) {
    if (from + words.size() > tokens.size()) {
      return false;
    }
    for (int j = 0; j < words.size(); j++) {
      if (!tokens.get(from + j).lower().equals(words.get(j))) {
        return false;
      }
    }
    return true;
  }

  /** "the French president" with no name beside it: the person given that title elsewhere in the article. */
  private void addTitlePhrases(TextField field) {
    List<Token> tokens = doc.tokens(field);
    for (int i = 0; i < tokens.size(); i++) {
      Lexicon.Role role = roleEndingAt(tokens, i);
      if (role == null || at(field, tokens.get(i).start()) != null) {
        continue;
      }
      int roleStart = i - role.tokens().size() + 1;
      EntityRef country = countryEndingAt(field, roleStart - 1);
      if (country == null || nameFollows(field, i + 1)) {
        continue;
      }
      EntityRef person = holderOf(role.tokens(), country);
      if (person != null) {
        int start = tokens.get(roleStart - 1).start();
        if (tokens.get(roleStart - 1).lower().equals("'s") && roleStart >= 2) {
          start = tokens.get(roleStart - 2).start();
        }
        final int s = start;
        final int e = tokens.get(i).end();
        byField.get(field).removeIf(r -> r.start() >= s && r.end() <= e && !r.isPerson());
        byField.get(field).add(new Referent(Referent.Kind.TITLE, person, EntityType.PERSON, field, start,
            tokens.get(i).end(), isPossessive(field, tokens.get(i).end())));
      }
    }
  }

  private boolean nameFollows(TextField field, int index) {
    List<Token> tokens = doc.tokens(field);
    if (index < tokens.size() && tokens.get(index).text().equals(",")) {
      index++;
    }
    if (index >= tokens.size()) {
      return false;
    }
    Referent next = at(field, tokens.get(index).start());
    return next != null && next.isPerson();
  }

  private EntityRef holderOf(List<String> role, EntityRef country) {
    EntityRef found = null;
    for (Map.Entry<String, Title> e : titles.entrySet()) {
      Title t = e.getValue();
      if (t.role().equals(role) && t.of().id().equals(country.id())) {
        if (found != null) {
          return null;
        }
        found = refsById.get(e.getKey());
      }
    }
    return found;
  }
}

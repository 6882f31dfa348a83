package io.newsflow.nlp.entities.coref;

import io.newsflow.kb.EntityType;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.TextField;
import io.newsflow.nlp.text.Casing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The forms one company takes in a business story, joined into one cluster before linking: the legal name
 * ("Piedmont Aviation Inc"), its short forms ("Piedmont", "USAir" for "USAir Group Inc") and abbreviations ("Con
 * Ed" for "Consolidated Edison Co of New York Inc"), and its stock symbol in angle brackets, wire style ("USAir
 * Group Inc &lt;U&gt;"), also where an all-capitals headline gives the symbol after a short form ("PIEDMONT
 * &lt;PIE&gt; AGREES ...", "CONED &lt;ED&gt; ..."). A short form joins a legal name only when exactly one legal
 * name of the story fits it.
 */
public final class CompanyForms {

  /** Words that end a company's legal name. */
  private static final Set<String> DESIGNATORS = Set.of("inc", "incorporated", "corp", "corporation", "co",
      "company", "ltd", "limited", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "spa", "gmbh", "se", "kk", "oy", "ab",
      "asa", "bhd", "pty", "cos");
  private static final int MAX_SYMBOL = 6;

  private CompanyForms() {}

  /**
   * Mentions cleaned of wire-copy artefacts: angle brackets the recogniser took into a name ("PIE&gt;",
   * "ALLEGHENY &lt;AG") cut off, and a designator the recogniser took for a name of its own because a line break
   * split it from the company's name ("Piedmont Aviation" / "Inc") joined to that name, which is then an
   * organisation's. In text order.
   */
  public static List<Mention> trimmed(List<Mention> mentions, ArticleText article) {
    List<Mention> out = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      int start = m.start();
      int end = m.end();
      String text = m.text();
      int inner = text.indexOf(" <");
      if (inner > 0) {
        text = text.substring(0, inner);
        end = start + inner;
      }
      while (!text.isEmpty() && (text.charAt(0) == '<' || text.charAt(0) == '>')) {
        text = text.substring(1);
        start++;
      }
      while (!text.isEmpty() && (text.charAt(text.length() - 1) == '>' || text.charAt(text.length() - 1) == '<')) {
        text = text.substring(0, text.length() - 1);
        end--;
      }
      if (text.isBlank()) {
        continue;
      }
      Mention previous = out.isEmpty() ? null : out.get(out.size() - 1);
      if (previous != null && isDesignatorOnly(text) && previous.field() == m.field()
          && onlySpaceBetween(article.text(m.field()), previous.end(), start)) {
        // a name followed by "Inc" is a company's, whatever the recogniser took it for
        String whole = article.text(m.field()).substring(previous.start(), end).replaceAll("\\s+", " ");
        out.set(out.size() - 1, new Mention(previous.field(), previous.start(), end, whole,
            EntityType.ORGANIZATION, null));
        continue;
      }
      out.add(start == m.start() && end == m.end() ? m
          : new Mention(m.field(), start, end, text, m.type(), m.office()));
    }
    return out;
  }

  private static boolean isDesignatorOnly(String text) {
    List<String> tokens = Names.tokens(text);
    return !tokens.isEmpty() && tokens.stream().allMatch(DESIGNATORS::contains);
  }

  private static boolean onlySpaceBetween(String text, int from, int to) {
    if (to - from < 1 || to - from > 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The clusters with each company's forms joined (organisations only; other clusters unchanged, in order). */
  public static List<MentionCluster> joined(List<MentionCluster> clusters, ArticleText article) {
    List<MentionCluster> legal = new ArrayList<>();
    for (MentionCluster c : clusters) {
      if (c.type() == EntityType.ORGANIZATION && isLegalName(c)) {
        legal.add(c);
      }
    }
    Map<MentionCluster, MentionCluster> into = new IdentityHashMap<>();
    Map<String, MentionCluster> bySymbol = new HashMap<>();
    // symbols written right after a name: "USAir Group Inc <U>"
    for (MentionCluster c : clusters) {
      if (c.type() != EntityType.ORGANIZATION) {
        continue;
      }
      for (Mention m : c.mentions()) {
        String symbol = symbolAfter(article, m);
        if (symbol != null) {
          bySymbol.putIfAbsent(symbol, c);
        }
      }
    }
    // short forms first, so that a symbol's headline word meets each company once
    boolean capsHeadline = Casing.isAllCaps(article.headline());
    for (MentionCluster c : clusters) {
      if (!legal.contains(c) && symbolOf(article, c) == null && mayBeCompany(c, capsHeadline)) {
        List<String> tokens = stripped(Names.key(c.fullest().text()));
        MentionCluster target = only(legal, l -> isShortForm(tokens, stripped(Names.key(l.fullest().text()))));
        if (target != null) {
          into.put(c, target);
        }
      }
    }
    for (MentionCluster c : clusters) {
      String symbol = c.type() == EntityType.ORGANIZATION ? symbolOf(article, c) : null;
      if (symbol == null) {
        continue;
      }
      MentionCluster target = bySymbol.get(symbol);
      if (target == null || target == c) {
        String word = wordBefore(article, c.mentions().get(0));
        target = only(clusters, o -> o != c && !into.containsKey(o) && o.type() == EntityType.ORGANIZATION
            && symbolOf(article, o) == null && fitsWord(word, o));
      }
      if (target != null && target != c) {
        into.put(c, target);
      }
    }
    List<MentionCluster> out = new ArrayList<>(clusters.size());
    for (MentionCluster c : clusters) {
      MentionCluster target = into.get(c);
      while (target != null && into.containsKey(target)) {
        target = into.get(target);
      }
      if (target == null) {
        out.add(c);
      } else {
        c.retype(EntityType.ORGANIZATION);
        target.absorb(c);
      }
    }
    return out;
  }

  /**
   * A name's key without the designators that end it ("texaco inc" → "texaco"), the form of a company's name the
   * stance guideline canonicalises to.
   */
  public static String withoutDesignators(String key) {
    List<String> tokens = new ArrayList<>(Names.tokensOfKey(key));
    while (tokens.size() > 1 && DESIGNATORS.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    return String.join(" ", tokens);
  }

  /**
   * Whether a cluster may be a short form of a company's name: an organisation; a lone word the recogniser took
   * for a person's family name ("Piedmont said"); or a name in an all-capitals headline, which the recogniser
   * cannot type ("PIEDMONT AGREES ...").
   */
  private static boolean mayBeCompany(MentionCluster c, boolean capsHeadline) {
    if (c.type() == EntityType.ORGANIZATION) {
      return true;
    }
    if (c.type() == EntityType.PERSON && c.offices().isEmpty()
        && c.mentions().stream().allMatch(m -> Names.tokens(m.text()).size() == 1)) {
      return true;
    }
    return capsHeadline && c.mentions().stream().allMatch(m -> m.field() == TextField.HEADLINE);
  }

  private static boolean isLegalName(MentionCluster c) {
    List<String> tokens = Names.tokens(c.fullest().text());
    return tokens.size() >= 2 && DESIGNATORS.contains(tokens.get(tokens.size() - 1));
  }

  /** A name's key tokens without the designators that end it. */
  static List<String> stripped(String key) {
    return Names.tokensOfKey(MentionClusterer.stripArticle(withoutDesignators(key)));
  }

  /**
   * "usair" of "usair group", "piedmont" of "piedmont aviation": the short form's words start the legal name;
   * "con ed" of "consolidated edison ...": two or more words, each the start of the legal name's word in turn.
   */
  static boolean isShortForm(List<String> shortForm, List<String> legalName) {
    if (shortForm.size() == 1 && legalName.size() >= 2 && isInitials(shortForm.get(0), legalName)) {
      return true;
    }
    if (shortForm.isEmpty() || shortForm.size() > legalName.size()) {
      return false;
    }
    boolean words = true;
    boolean starts = shortForm.size() >= 2;
    for (int i = 0; i < shortForm.size(); i++) {
      String s = shortForm.get(i);
      String l = legalName.get(i);
      words &= s.equals(l);
      starts &= s.length() >= 2 && l.startsWith(s);
    }
    return words || starts;
  }

  /** "twa" of "trans world airlines": the initials of the legal name's words, "and" and "of" left out or not. */
  private static boolean isInitials(String word, List<String> legalName) {
    StringBuilder all = new StringBuilder();
    StringBuilder content = new StringBuilder();
    for (String t : legalName) {
      all.append(t.charAt(0));
      if (!t.equals("and") && !t.equals("of") && !t.equals("the") && !t.equals("for")) {
        content.append(t.charAt(0));
      }
    }
    return word.length() >= 2 && (word.contentEquals(all) || word.contentEquals(content));
  }

  /** "coned" for "consolidated edison": the word is the starts of the legal name's first words run together. */
  static boolean fitsWord(String word, MentionCluster legal) {
    if (word == null || word.length() < 2) {
      return false;
    }
    List<String> tokens = stripped(Names.key(legal.fullest().text()));
    return word.equals(String.join("", tokens)) || runsTogether(word, 0, tokens, 0);
  }

  private static boolean runsTogether(String word, int at, List<String> tokens, int token) {
    if (at == word.length()) {
      return token > 0;
    }
    if (token == tokens.size()) {
      return false;
    }
    String t = tokens.get(token);
    for (int len = Math.min(t.length(), word.length() - at); len >= 2 || (len >= 1 && token > 0); len--) {
      if (t.regionMatches(0, word, at, len) && runsTogether(word, at + len, tokens, token + 1)) {
        return true;
      }
    }
    return false;
  }

  private static MentionCluster only(List<MentionCluster> clusters, Predicate<MentionCluster> fits) {
    MentionCluster found = null;
    for (MentionCluster l : clusters) {
      if (fits.test(l)) {
        if (found != null) {
          return null;
        }
        found = l;
      }
    }
    return found;
  }

  /** The stock symbol in angle brackets right after the mention ("Inc &lt;U&gt;"), or null. */
  private static String symbolAfter(ArticleText article, Mention m) {
    String text = article.text(m.field());
    int open = m.end();
    while (open < text.length() && text.charAt(open) == ' ') {
      open++;
    }
    if (open - m.end() > 1 || open >= text.length() || text.charAt(open) != '<') {
      return null;
    }
    int close = text.indexOf('>', open);
    if (close < 0 || close - open - 1 < 1 || close - open - 1 > MAX_SYMBOL) {
      return null;
    }
    String symbol = text.substring(open + 1, close);
    return isSymbol(symbol) ? symbol : null;
  }

  /** The symbol a cluster is, when every mention of it is a symbol in angle brackets; else null. */
  private static String symbolOf(ArticleText article, MentionCluster c) {
    String symbol = null;
    for (Mention m : c.mentions()) {
      String text = article.text(m.field());
      boolean bracketed = m.start() > 0 && text.charAt(m.start() - 1) == '<' && m.end() < text.length()
          && text.charAt(m.end()) == '>';
      if (!bracketed || !isSymbol(m.text()) || (symbol != null && !symbol.equals(m.text()))) {
        return null;
      }
      symbol = m.text();
    }
    return symbol;
  }

  private static boolean isSymbol(String s) {
    if (s.isEmpty() || s.length() > MAX_SYMBOL) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch >= 'A' && ch <= 'Z') && ch != '.') {
        return false;
      }
    }
    return true;
  }

  /** The lower-case word right before " &lt;" of a bracketed symbol ("coned" in "CONED &lt;ED&gt;"), or null. */
  private static String wordBefore(ArticleText article, Mention symbol) {
    if (symbol.field() != TextField.HEADLINE) {
      return null;
    }
    String text = article.text(symbol.field());
    int end = symbol.start() - 1; // the '<'
    while (end > 0 && text.charAt(end - 1) == ' ') {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      start--;
    }
    return start < end ? Names.key(text.substring(start, end)) : null;
  }
}

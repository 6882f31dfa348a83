package io.newsflow.nlp.stance;

import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.TextField;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.quotes.ArticleReferents;
import io.newsflow.nlp.quotes.Frame;
import io.newsflow.nlp.quotes.Lexicon;
import io.newsflow.nlp.quotes.QuoteFinder;
import io.newsflow.nlp.quotes.Referent;
import io.newsflow.nlp.text.Document;
import io.newsflow.nlp.text.Sentence;
import io.newsflow.nlp.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The holder candidates of an article, one per sentence and holder, each with the sparse features the stance
 * classifier reads: who the holder is and how it is named (name, title phrase, group, pronoun or group noun
 * resolved to the nearest fitting entity, quote speaker), where it stands relative to stance cues, speech verbs,
 * negations and hedges, the words around it and in its sentence, and whether the sentence is a headline or a
 * quote. Immutable after {@link #load()}; thread-safe.
 */
public final class StanceCandidates {

  /** How a candidate holder is named in its sentence. */
  public enum Naming { NAME, GROUP, TITLE, HEADLINE_NAME, PRONOUN, GROUP_NOUN, SPEAKER }

  /**
   * One holder in one sentence.
   *
   * @param holder     who would hold the stance
   * @param onBehalfOf the country or organisation the holder speaks for, or null
   * @param sentence   the sentence (evidence)
   * @param mention    the words naming the holder in this sentence (a pronoun or group noun when resolved)
   * @param target     the words the stance would be about: after the nearest cue, else after the holder
   * @param features   sparse binary features
   */
  public record Candidate(EntityRef holder, EntityRef onBehalfOf, TextSpan sentence, TextSpan mention,
                          String target, List<String> features) {}

  /** An article read for candidates: its referents and quote frames (for the quotes the tagger reports too). */
  public record Reading(Document doc, ArticleReferents refs, List<Frame> frames, List<Candidate> candidates) {}

  /** Nouns that refer back to an organisation named earlier ("the company said"). */
  private static final Set<String> ORG_NOUNS = Set.of("company", "firm", "group", "bank", "board", "union",
      "unions", "management", "directors", "corporation", "concern", "utility", "exchange", "association",
      "committee", "commission", "court", "agency", "fund", "party", "airline", "partnership", "investor",
      "investors", "shareholders", "organisation", "organization", "cartel", "council");
  /** Nouns that refer back to a country or its government ("the government", "officials"). */
  private static final Set<String> STATE_NOUNS = Set.of("government", "administration", "officials",
      "official", "ministry", "minister", "spokesman", "spokeswoman", "sources", "delegates", "delegation",
      "authorities", "cabinet", "treasury", "president", "chairman", "governor");
  private static final Set<String> NEGATIONS = Set.of("not", "n't", "no", "never", "neither", "nor", "against",
      "without", "cannot");
  private static final Set<String> MODALS = Set.of("may", "might", "could", "would", "should", "unless", "if",
      "possible", "possibly", "consider", "considering", "study", "studying", "whether", "undecided", "cautious",
      "wait", "premature", "likely", "unlikely", "perhaps");
  private static final int TARGET_WORDS = 8;

  private final Lexicon lexicon;
  private final StanceLexicon stanceLexicon;
  private final QuoteFinder quoteFinder;

  private StanceCandidates(Lexicon lexicon, StanceLexicon stanceLexicon) {
    this.lexicon = lexicon;
    this.stanceLexicon = stanceLexicon;
    this.quoteFinder = new QuoteFinder(lexicon);
  }

  /** Loads the lexicons the features read; call once per process. */
  public static StanceCandidates load() {
    return new StanceCandidates(Lexicon.load(), StanceLexicon.load());
  }

  /** All candidates of an article, sentence by sentence, headline first. */
  public Reading read(ArticleText text, List<Entity> entities) {
    Document doc = new Document(unwrapped(text));
    ArticleReferents refs = new ArticleReferents(doc, entities, lexicon);
    List<Frame> frames = quoteFinder.find(refs);
    List<Candidate> out = new ArrayList<>();
    boolean capsHeadline = isAllCaps(text.headline());
    int index = 0;
    for (Sentence sentence : doc.sentences()) {
      new SentenceReader(doc, refs, frames, entities, sentence, capsHeadline, index++).read(out);
    }
    return new Reading(doc, refs, frames, out);
  }

  /**
   * The article with hard line breaks inside paragraphs turned into spaces (wire copy breaks lines at ~70
   * characters and starts paragraphs with an indented or blank line), so a sentence is not cut at each line.
   * Offsets do not change.
   */
  public static ArticleText unwrapped(ArticleText text) {
    String body = text.body();
    if (body.indexOf('\n') < 0) {
      return text;
    }
    char[] chars = body.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      boolean continuation = chars[i] == '\n' && i > 0 && chars[i - 1] != '\n' && i + 1 < chars.length
          && !Character.isWhitespace(chars[i + 1]);
      if (continuation) {
        chars[i] = ' ';
      }
    }
    return new ArticleText(text.headline(), new String(chars), text.language(), text.date());
  }

  static boolean isAllCaps(String text) {
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    return upper > 3 && lower * 5 < upper;
  }

  /** A holder found in a sentence, before features: who, how named, at which tokens. */
  private record Found(EntityRef ref, EntityType type, Naming naming, int first, int last, Referent referent,
                       String anaphor) {}

  /** The candidates of one sentence. */
  private final class SentenceReader {
    private final Document doc;
    private final ArticleReferents refs;
    private final List<Frame> frames;
    private final List<Entity> entities;
    private final Sentence sentence;
    private final boolean caps;
    private final int sentenceIndex;
    private final List<Token> tokens;
    private final int from;
    private final int to;
    private Cue[] cues;

    SentenceReader(Document doc, ArticleReferents refs, List<Frame> frames, List<Entity> entities,
                   Sentence sentence, boolean capsHeadline, int sentenceIndex) {
      this.doc = doc;
      this.refs = refs;
      this.frames = frames;
      this.entities = entities;
      this.sentence = sentence;
      this.caps = capsHeadline && sentence.field() == TextField.HEADLINE;
      this.sentenceIndex = sentenceIndex;
      this.tokens = doc.tokens(sentence.field());
      int f = doc.tokenIndexAt(sentence.field(), sentence.start());
      int t = f;
      while (t < tokens.size() && tokens.get(t).start() < sentence.end()) {
        t++;
      }
      this.from = f;
      this.to = t;
    }

    void read(List<Candidate> out) {
      Map<String, Found> byHolder = new LinkedHashMap<>();
      for (Referent r : refs.within(sentence.field(), sentence.start(), sentence.end())) {
        Naming naming = switch (r.kind()) {
          case ENTITY -> Naming.NAME;
          case GROUP -> Naming.GROUP;
          case TITLE -> Naming.TITLE;
        };
        add(byHolder, new Found(r.ref(), r.type(), naming, tokenAt(r.start()), tokenAt(Math.max(r.start(),
            r.end() - 1)), r, null));
      }
      if (caps) {
        headlineNames(byHolder);
      }
      anaphors(byHolder);
      for (Frame frame : frames) {
        if (frame.speaker() != null && frame.field() == sentence.field() && frame.start() < sentence.end()
            && sentence.start() < frame.end() && !byHolder.containsKey(frame.speaker().id())) {
          EntityType type = refs.isPerson(frame.speaker()) ? EntityType.PERSON : EntityType.ORGANIZATION;
          add(byHolder, new Found(frame.speaker(), type, Naming.SPEAKER, from, from, null, frame.kind().name()));
        }
      }
      int rank = 0;
      for (Found found : byHolder.values()) {
        out.add(candidate(found, rank++, byHolder.size()));
      }
    }

    private void add(Map<String, Found> byHolder, Found found) {
      if (found.type() == EntityType.MISC) {
        return;
      }
      byHolder.putIfAbsent(found.ref().id(), found);
    }

    private int tokenAt(int position) {
      return Math.min(Math.max(doc.tokenIndexAt(sentence.field(), position), from), Math.max(from, to - 1));
    }

    /** Names of the article's entities in an all-capitals headline, which the entity tagger cannot read. */
    private void headlineNames(Map<String, Found> byHolder) {
      for (Entity e : entities) {
        if (e.type() == EntityType.MISC || byHolder.containsKey(e.id())) {
          continue;
        }
        List<String> forms = new ArrayList<>();
        for (TextSpan m : e.mentions()) {
          forms.add(m.text());
        }
        forms.add(e.name());
        if (e.type() == EntityType.PERSON) {
          String[] parts = e.name().split(" ");
          forms.add(parts[parts.length - 1]);
        }
        for (String form : forms) {
          int at = findWords(form.toLowerCase(Locale.ROOT));
          if (at >= 0) {
            byHolder.put(e.id(), new Found(e.ref(), e.type(), Naming.HEADLINE_NAME, at, at, null, null));
            break;
          }
        }
      }
    }

    /** The token index where the words of {@code phrase} start in this sentence, or -1. */
    private int findWords(String phrase) {
      String[] words = phrase.split("\\s+");
      if (words.length == 0 || words[0].length() < 2) {
        return -1;
      }
      for (int i = from; i + words.length <= to; i++) {
        boolean all = true;
        for (int j = 0; j < words.length && all; j++) {
          all = tokens.get(i + j).lower().equals(words[j]);
        }
        if (all) {
          return i;
        }
      }
      return -1;
    }

    /** Pronouns and group nouns resolved to the nearest fitting entity named before them. */
    private void anaphors(Map<String, Found> byHolder) {
      for (int i = from; i < to; i++) {
        Token t = tokens.get(i);
        if (refs.at(sentence.field(), t.start()) != null) {
          continue;
        }
        String w = t.lower();
        String pronoun = lexicon.pronounClass(w);
        Found found = null;
        if (pronoun != null && !w.equals("him") && !w.equals("her") && !pronoun.equals("speaker")) {
          found = nearestBefore(t.start(), pronoun.equals("person") ? Set.of(EntityType.PERSON)
              : Set.of(EntityType.ORGANIZATION, EntityType.LOCATION), Naming.PRONOUN, i, w);
        } else if (ORG_NOUNS.contains(w)) {
          found = nearestBefore(t.start(), Set.of(EntityType.ORGANIZATION), Naming.GROUP_NOUN, i, w);
        } else if (STATE_NOUNS.contains(w)) {
          found = nearestBefore(t.start(), Set.of(EntityType.LOCATION, EntityType.ORGANIZATION),
              Naming.GROUP_NOUN, i, w);
        }
        if (found != null) {
          add(byHolder, found);
        }
      }
    }

    private Found nearestBefore(int position, Set<EntityType> types, Naming naming, int token, String word) {
      if (sentence.field() != TextField.BODY) {
        return null;
      }
      List<Referent> all = refs.all(TextField.BODY);
      for (int i = all.size() - 1; i >= 0; i--) {
        Referent r = all.get(i);
        if (r.start() < position && types.contains(r.type()) && !refs.isGovernedByPreposition(r)) {
          return new Found(r.ref(), r.type(), naming, token, token, null, word);
        }
      }
      return null;
    }

    private Candidate candidate(Found h, int rank, int count) {
      List<String> f = new ArrayList<>(96);
      String type = h.type().name();
      f.add("bias");
      f.add("type=" + type);
      f.add("naming=" + h.naming());
      f.add("naming=" + h.naming() + "|" + type);
      f.add("field=" + sentence.field());
      if (caps) {
        f.add("caps");
      }
      f.add("sent=" + Math.min(sentenceIndex, 4));
      f.add("rank=" + Math.min(rank, 3));
      f.add("count=" + Math.min(count, 4));
      if (h.anaphor() != null) {
        f.add("anaphor=" + h.anaphor());
      }
      if (h.referent() != null) {
        if (h.referent().possessive()) {
          f.add("possessive");
        }
        if (refs.isGovernedByPreposition(h.referent())) {
          f.add("prep");
        }
        if (refs.isTitleModifier(h.referent())) {
          f.add("titleModifier");
        }
      }
      if (refs.onBehalfOf(h.ref()) != null) {
        f.add("speaksFor");
      }
      int first = h.first();
      int last = h.last();
      f.add("p1=" + word(first - 1));
      f.add("p2=" + word(first - 2));
      f.add("n1=" + word(last + 1));
      f.add("n2=" + word(last + 2));
      f.add("n12=" + word(last + 1) + "_" + word(last + 2));
      boolean quoteBefore = false;
      boolean quoteAfter = false;
      int cueAfter = -1;
      Cue nearestCue = null;
      int nearestCueEnd = -1;
      int refsBetween = 0;
      boolean speechRight = false;
      for (int i = from; i < to; i++) {
        if (i >= first && i <= last) {
          continue;
        }
        Token t = tokens.get(i);
        String w = t.lower();
        boolean left = i < first;
        int distance = left ? first - i : i - last;
        String side = left ? "L" : "R";
        String bucket = distance <= 1 ? "1" : distance <= 3 ? "2" : distance <= 7 ? "3" : "4";
        if (t.text().startsWith("\"") || t.text().startsWith("“") || t.text().startsWith("”")) {
          if (left) {
            quoteBefore = true;
          } else {
            quoteAfter = true;
          }
          continue;
        }
        if (!t.isWord()) {
          if (w.equals(",") && distance <= 2) {
            f.add("comma" + side);
          }
          continue;
        }
        if (distance <= 10) {
          f.add(side + "=" + w);
          if (w.length() > 5) {
            f.add(side + "s=" + w.substring(0, 5));
          }
        }
        if (distance <= 3) {
          f.add(side + bucket + "=" + w);
        }
        if (!left && refs.at(sentence.field(), t.start()) != null && cueAfter < 0) {
          refsBetween++;
        }
        String speech = lexicon.speechVerb(w);
        if (speech != null) {
          f.add("speech" + side + bucket);
          if (!left && distance <= 3) {
            speechRight = true;
          }
        }
        if (NEGATIONS.contains(w)) {
          f.add("neg" + side);
        }
        if (MODALS.contains(w)) {
          f.add("modal" + side);
          f.add("modal=" + w);
        }
        Cue cue = cueAt(i);
        if (cue != null) {
          String pol = cue.polarity().name();
          f.add("cue=" + pol);
          f.add("cue=" + pol + side + bucket);
          f.add("cue=" + pol + "|" + type + "|" + side);
          f.add("cuew=" + String.join("_", cue.tokens()) + side);
          if (cue.bySpeaker()) {
            f.add("cueBySpeaker" + side);
          }
          for (int k = Math.max(from, i - 3); k < i; k++) {
            if (NEGATIONS.contains(tokens.get(k).lower())) {
              f.add("negcue=" + pol);
            }
            if (MODALS.contains(tokens.get(k).lower())) {
              f.add("modalcue=" + pol);
            }
          }
          if (!left && (nearestCue == null || i < cueAfter)) {
            nearestCue = cue;
            cueAfter = i;
            nearestCueEnd = i + cue.tokens().size();
          }
        }
      }
      if (quoteBefore && quoteAfter) {
        f.add("insideQuote");
      } else if (quoteBefore || quoteAfter) {
        f.add("quote" + (quoteBefore ? "L" : "R"));
      }
      if (speechRight) {
        f.add("saidRight");
      }
      if (nearestCue != null) {
        f.add("firstCueR=" + nearestCue.polarity() + "|between=" + Math.min(refsBetween, 2));
        f.add("firstCueDist=" + Math.min((cueAfter - last) / 3, 4));
      }
      String target = target(nearestCue != null ? nearestCueEnd : last + 1);
      TextSpan mention = h.referent() != null
          ? doc.span(sentence.field(), h.referent().start(), h.referent().end())
          : doc.span(sentence.field(), tokens.get(first).start(), tokens.get(last).end());
      return new Candidate(h.ref(), refs.onBehalfOf(h.ref()), doc.span(sentence), mention, target, List.copyOf(f));
    }

    /** The longest cue starting at token i, or null; found once per sentence for all its candidates. */
    private Cue cueAt(int i) {
      if (cues == null) {
        cues = new Cue[to - from];
        for (int k = from; k < to; k++) {
          for (Cue cue : stanceLexicon.cuesStartingWith(tokens.get(k).lower())) {
            if (k + cue.tokens().size() <= to && cue.matchesAt(doc.words(sentence.field()), k)) {
              cues[k - from] = cue;
              break;
            }
          }
        }
      }
      return cues[i - from];
    }

    private String word(int i) {
      if (i < from) {
        return "<s>";
      }
      if (i >= to) {
        return "</s>";
      }
      Token t = tokens.get(i);
      if (refs.at(sentence.field(), t.start()) != null) {
        return "<name>";
      }
      return t.lower();
    }

    /** The words after {@code start} up to a clause boundary, at most {@link #TARGET_WORDS}. */
    private String target(int start) {
      int end = start;
      int words = 0;
      while (end < to && words < TARGET_WORDS) {
        Token t = tokens.get(end);
        if (!t.isWord() && (t.text().equals(",") || t.text().equals(";") || t.text().equals(".")
            || t.text().equals(":") || t.text().startsWith("\""))) {
          if (words > 0) {
            break;
          }
        } else if (t.isWord()) {
          words++;
        }
        end++;
      }
      if (start >= to || end <= start) {
        return doc.text(sentence.field()).substring(sentence.start(), sentence.end()).trim();
      }
      return doc.text(sentence.field()).substring(tokens.get(start).start(), tokens.get(end - 1).end()).trim();
    }
  }
}

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
import io.newsflow.nlp.text.Casing;
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
 * resolved to the nearest fitting entity, quote speaker), its grammatical place read without a parser (subject
 * or agent of a word of position, speaker of the sentence, or neither while someone else is the subject), where
 * it stands relative to stance cues, speech verbs, negations and hedges, and whether the sentence is a headline
 * or a quote. The words around the holder are not features: on the development split they made the classifier
 * learn the training stories' vocabulary (F1 0.265 with them, 0.287 without). Immutable after {@link #load()};
 * thread-safe.
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
   * @param onlyTarget whether the sentence makes the holder the target of someone else's position, so that by the
   *                   annotation guideline it cannot hold one there: the subject of an accusation the speaker
   *                   makes ("Moscow was not negotiating in good faith") or the one asked to act ("urged Japan to
   *                   cut tariffs", "our aim is for Washington to remain committed")
   */
  public record Candidate(EntityRef holder, EntityRef onBehalfOf, TextSpan sentence, TextSpan mention,
                          String target, List<String> features, boolean onlyTarget) {}

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

  /**
   * Words that may stand between a subject and its verb of position without changing who the subject is:
   * auxiliaries, modals, negations, adverbs of manner and time ("Japan has also strongly rejected").
   */
  private static final Set<String> BETWEEN_SUBJECT_AND_VERB = Set.of("has", "have", "had", "is", "are", "was",
      "were", "be", "been", "being", "would", "will", "could", "can", "may", "might", "should", "must", "shall",
      "did", "does", "do", "not", "n't", "never", "also", "still", "already", "now", "again", "strongly", "firmly",
      "formally", "publicly", "repeatedly", "unanimously", "today", "yesterday", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "earlier", "later", "then", "to", "previously", "reportedly",
      "apparently", "effectively", "officially", "once", "so", "far", "thus", "yet", "and", "it", "he", "she",
      "they", "we", "i");
  /** Words between a verb of position and its agent ("rejected by the board", "the opposition of Japan"). */
  private static final Set<String> AGENT_MARKERS = Set.of("by", "of", "from");
  private static final int APPOSITION_WORDS = 20;

  private final Lexicon lexicon;
  private final StanceLexicon stanceLexicon;
  private final EvaluativeWords evaluative;
  private final QuoteFinder quoteFinder;

  private StanceCandidates(Lexicon lexicon, StanceLexicon stanceLexicon, EvaluativeWords evaluative) {
    this.lexicon = lexicon;
    this.stanceLexicon = stanceLexicon;
    this.evaluative = evaluative;
    this.quoteFinder = new QuoteFinder(lexicon);
  }

  /** Loads the lexicons the features read; call once per process. */
  public static StanceCandidates load() {
    return new StanceCandidates(Lexicon.load(), StanceLexicon.load(), EvaluativeWords.load());
  }

  /** All candidates of an article, sentence by sentence, headline first. */
  public Reading read(ArticleText text, List<Entity> entities) {
    Document doc = new Document(unwrapped(text));
    ArticleReferents refs = new ArticleReferents(doc, entities, lexicon);
    List<Frame> frames = quoteFinder.find(refs);
    List<Candidate> out = new ArrayList<>();
    boolean capsHeadline = Casing.isAllCaps(text.headline());
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
    /** The holder named at each token of the sentence, or null. */
    private Found[] holderAt;
    /** The word of position starting at each token, or null; found once per sentence. */
    private EvaluativeWords.Entry[] evals;

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
      holderAt = new Found[to - from];
      for (Found found : byHolder.values()) {
        for (int i = found.first(); i <= found.last(); i++) {
          if (holderAt[i - from] == null) {
            holderAt[i - from] = found;
          }
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
      structure(h, f);
      String target = target(nearestCue != null ? nearestCueEnd : last + 1);
      TextSpan mention = h.referent() != null
          ? doc.span(sentence.field(), h.referent().start(), h.referent().end())
          : doc.span(sentence.field(), tokens.get(first).start(), tokens.get(last).end());
      return new Candidate(h.ref(), refs.onBehalfOf(h.ref()), doc.span(sentence), mention, target, List.copyOf(f),
          isAccused(h) || isAskedTo(h));
    }

    /**
     * Features of the holder's grammatical place, read without a parser: whether it is the subject of a word of
     * position (the nearest name to its left, past auxiliaries and adverbs: "Japan has rejected"), its agent
     * ("rejected by the board", "the opposition of Japan", "Japan's opposition"), the speaker of the sentence
     * ("X said", "said X", "according to X", a quote's speaker) with words of position that nobody else in the
     * sentence is the subject of, or none of these while someone else is the subject.
     */
    private void structure(Found h, List<String> f) {
      boolean speaker = h.naming() == Naming.SPEAKER || isSpeaker(h);
      if (speaker) {
        f.add("speaker");
      }
      Frame frame = null;
      for (Frame fr : frames) {
        if (fr.field() == sentence.field() && fr.start() < sentence.end() && sentence.start() < fr.end()
            && fr.speaker() != null && fr.speaker().id().equals(h.ref().id())) {
          frame = fr;
          f.add("frameSpeaker=" + fr.kind());
          speaker = true;
          break;
        }
      }
      if (isAskedTo(h)) {
        f.add("askedTo");
      }
      EvaluativeWords.Entry governing = governingWord(h);
      if (governing != null) {
        f.add("object=" + governing.cls());
      }
      boolean any = false;
      for (int i = from; i < to; i++) {
        EvaluativeWords.Entry e = evalAt(i);
        if (e == null || (i >= h.first() && i <= h.last())) {
          continue;
        }
        any = true;
        String cls = e.cls();
        f.add("eval=" + cls);
        int subject = subjectOf(i);
        if (subject >= h.first() && subject <= h.last() || isConjunct(h, subject)) {
          f.add("subj=" + cls);
          f.add("subj=" + cls + "|" + e.kind());
          f.add("subjw=" + e.tokens().get(0));
          for (int k = subject + 1; k < i; k++) {
            String w = tokens.get(k).lower();
            if (NEGATIONS.contains(w)) {
              f.add("subjNeg=" + cls);
            } else if (MODALS.contains(w) || w.equals("would") || w.equals("will")) {
              f.add("subjModal=" + cls + "|" + w);
            }
          }
        } else if (isAgent(h, i, e)) {
          f.add("agent=" + cls);
          f.add("agentw=" + e.tokens().get(0));
        } else if (subject >= 0) {
          f.add("otherSubj=" + cls + (speaker ? "|speaker" : ""));
        } else if (speaker) {
          f.add("speakerEval=" + cls);
          if (frame != null && frame.contains(sentence.field(), tokens.get(i).start())) {
            f.add("frameEval=" + cls + "|" + frame.kind());
          }
          f.add("speakerEvalw=" + e.tokens().get(0));
        } else {
          f.add("freeEval=" + cls + (i < h.first() ? "L" : "R"));
        }
        i += e.tokens().size() - 1;
      }
      if (!any) {
        f.add("noEval");
      }
    }

    private EvaluativeWords.Entry evalAt(int i) {
      if (evals == null) {
        evals = new EvaluativeWords.Entry[to - from];
        List<String> words = doc.words(sentence.field());
        for (int k = from; k < to; k++) {
          if (tokens.get(k).isWord()) {
            evals[k - from] = evaluative.at(words, k, to);
          }
        }
      }
      return evals[i - from];
    }

    /** The token of the holder that is the subject of the word of position at {@code i}, or -1. */
    private int subjectOf(int i) {
      for (int k = i - 1; k >= from; k--) {
        if (holderAt[k - from] != null) {
          return k;
        }
        String w = tokens.get(k).lower();
        if (BETWEEN_SUBJECT_AND_VERB.contains(w) || evalAt(k) != null || lexicon.speechVerb(w) != null) {
          continue;
        }
        if (w.equals(",")) {
          int open = appositionStart(k);
          if (open >= 0) {
            k = open;
            continue;
          }
        }
        return -1;
      }
      return -1;
    }

    /** The word of position whose object the holder is ("criticising Trump", "rejected the EC plan"), or null. */
    private EvaluativeWords.Entry governingWord(Found h) {
      return wordOfPositionEndingAt(tokenBefore(h), 2, e -> e.kind().equals("verb"));
    }

    /**
     * "urged Japan to cut tariffs", "called on Bonn to", "our aim is for Washington to remain": the holder is
     * asked to do something, the object of someone else's demand.
     */
    private boolean isAskedTo(Found h) {
      if (h.last() + 1 >= to || !tokens.get(h.last() + 1).lower().equals("to")) {
        return false;
      }
      int before = tokenBefore(h);
      if (before < from) {
        return false;
      }
      String w = tokens.get(before).lower();
      return w.equals("for") || w.equals("on")
          || wordOfPositionEndingAt(before, 1, e -> e.cls().equals("DEMAND")) != null;
    }

    /** The token right before the holder, past an article ("the"), or {@code from - 1}. */
    private int tokenBefore(Found h) {
      int before = h.first() - 1;
      if (before >= from && tokens.get(before).lower().equals("the")) {
        before--;
      }
      return before;
    }

    /** The word of position that ends at token {@code end}, starting at most {@code reach} tokens before it. */
    private EvaluativeWords.Entry wordOfPositionEndingAt(int end, int reach,
                                                         java.util.function.Predicate<EvaluativeWords.Entry> kind) {
      for (int k = Math.max(from, end - reach); k <= end; k++) {
        EvaluativeWords.Entry e = evalAt(k);
        if (e != null && kind.test(e) && k + e.tokens().size() - 1 == end) {
          return e;
        }
      }
      return null;
    }

    /** Whether the holder is the subject of a cue by which the speaker accuses someone ("X is playing games"). */
    private boolean isAccused(Found h) {
      for (int i = h.last() + 1; i < to; i++) {
        Cue cue = cueAt(i);
        if (cue != null && cue.bySpeaker()) {
          int subject = subjectOf(i);
          if (subject >= h.first() && subject <= h.last()) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether the holder is coordinated with the subject at token {@code subject}: "Iran and Algeria called for". */
    private boolean isConjunct(Found h, int subject) {
      if (subject < 0 || h.last() >= subject) {
        return false;
      }
      int start = holderAt[subject - from].first();
      for (int k = h.last() + 1; k < start; k++) {
        Found other = holderAt[k - from];
        String w = tokens.get(k).lower();
        if (other == null && !w.equals("and") && !w.equals(",") && !w.equals("the")) {
          return false;
        }
      }
      return start > h.last();
    }

    /** For a comma that may close an apposition ("Baker, the Treasury Secretary, said"), the comma opening it. */
    private int appositionStart(int close) {
      for (int k = close - 1; k >= Math.max(from, close - APPOSITION_WORDS); k--) {
        if (tokens.get(k).lower().equals(",")) {
          return k - 1 >= from && holderAt[k - 1 - from] != null ? k : -1;
        }
      }
      return -1;
    }

    /** "rejected by the board", "the opposition of Japan", "Japan's opposition". */
    private boolean isAgent(Found h, int i, EvaluativeWords.Entry e) {
      int end = i + e.tokens().size();
      if (end <= h.first() && h.first() - end <= 3) {
        boolean marker = false;
        for (int k = end; k < h.first(); k++) {
          String w = tokens.get(k).lower();
          if (AGENT_MARKERS.contains(w)) {
            marker = true;
          } else if (!w.equals("the") && !w.equals("a")) {
            return false;
          }
        }
        return marker;
      }
      return h.referent() != null && h.referent().possessive() && i > h.last() && i - h.last() <= 2;
    }

    /** "X said", "X, the minister, told", "said X", "according to X". */
    private boolean isSpeaker(Found h) {
      for (int k = h.last() + 1; k < Math.min(to, h.last() + 4); k++) {
        String w = tokens.get(k).lower();
        if (lexicon.speechVerb(w) != null) {
          return true;
        }
        if (w.equals(",")) {
          int close = -1;
          for (int j = k + 1; j < Math.min(to, k + APPOSITION_WORDS); j++) {
            if (tokens.get(j).lower().equals(",")) {
              close = j;
              break;
            }
          }
          if (close < 0) {
            return false;
          }
          k = close;
          continue;
        }
        if (!BETWEEN_SUBJECT_AND_VERB.contains(w)) {
          return false;
        }
      }
      int before = h.first() - 1;
      if (before >= from && lexicon.speechVerb(tokens.get(before).lower()) != null) {
        return true;
      }
      return before - 1 >= from && tokens.get(before).lower().equals("to")
          && tokens.get(before - 1).lower().equals("according");
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

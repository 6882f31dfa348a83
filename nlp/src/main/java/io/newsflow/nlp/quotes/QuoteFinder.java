package io.newsflow.nlp.quotes;

import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.text.Document;
import io.newsflow.nlp.text.Sentence;
import io.newsflow.nlp.text.Token;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds direct quotations (straight, typographic and guillemet marks, across sentences, interrupted by "he
 * added"), reported speech ("X said on Thursday that ...") and reported positions ("..., the FT reports"), and
 * attributes each to a speaker when the text says who spoke. Stateless; thread-safe.
 */
public final class QuoteFinder {

  private static final String DOUBLE_OPEN = "“„«";
  private static final String DOUBLE_CLOSE = "”»";
  /** Unattributed quotes shorter than this are names or scare quotes ("the ‘Alliance of the willing’"). */
  private static final int MIN_UNATTRIBUTED_WORDS = 5;
  /** How far (in tokens) a speech verb may be from the quote it attributes ("the Estonian prime minister, ..."). */
  private static final int VERB_WINDOW = 9;
  /** How far (in tokens) "that" may follow its speech verb ("said at a press conference that"). */
  private static final int THAT_WINDOW = 6;
  /** Determiners and possessives that can open reported words after a verb ("said the court was ..."). */
  private static final java.util.Set<String> CLAUSE_OPENERS =
      java.util.Set.of("the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "no");
  /** How far back (in characters) a "he" may look for the person it stands for. */
  private static final int PRONOUN_REACH = 1500;

  private final Lexicon lexicon;

  public QuoteFinder(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** All frames of the article in text order (headline first). */
  public List<Frame> find(ArticleReferents referents) {
    List<Frame> frames = new ArrayList<>();
    for (TextField field : TextField.values()) {
      new FieldPass(referents, field).run(frames);
    }
    return frames;
  }

  /** One pass over the headline or the body, in text order, so pronouns can look back at resolved speakers. */
  private final class FieldPass {

    private final ArticleReferents refs;
    private final Document doc;
    private final TextField field;
    private final String text;
    private final List<Token> tokens;
    /** Persons in subject position and resolved speakers, by position: antecedents for "he" and "she". */
    private final TreeMap<Integer, EntityRef> persons = new TreeMap<>();
    private final List<Frame> out = new ArrayList<>();

    FieldPass(ArticleReferents refs, TextField field) {
      this.refs = refs;
      this.doc = refs.document();
      this.field = field;
      this.text = doc.text(field);
      this.tokens = doc.tokens(field);
    }

    void run(List<Frame> frames) {
      List<int[]> quotes = quoteMarks();
      for (Referent r : refs.all(field)) {
        if (r.isPerson() && !refs.isGovernedByPreposition(r) && !insideAny(quotes, r.start())) {
          persons.put(r.start(), r.ref());
        }
      }
      for (Sentence sentence : doc.sentences(field)) {
        reportedSpeech(sentence, quotes);
      }
      for (int[] q : quotes) {
        directQuote(q);
      }
      out.sort(Comparator.comparingInt(Frame::start));
      frames.addAll(out);
    }

    // ---- direct quotes ------------------------------------------------------------------------------------

    /** Pairs of quote marks {open, close, unclosed?1:0}; a quote left open runs to the end of its paragraph. */
    private List<int[]> quoteMarks() {
      List<int[]> pairs = new ArrayList<>();
      int lineStart = 0;
      while (lineStart < text.length()) {
        int lineEnd = text.indexOf('\n', lineStart);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        doubleMarks(lineStart, lineEnd, pairs);
        singleMarks(lineStart, lineEnd, pairs);
        lineStart = lineEnd + 1;
      }
      pairs.sort(Comparator.comparingInt(p -> p[0]));
      return pairs;
    }

    private void doubleMarks(int from, int to, List<int[]> pairs) {
      int open = -1;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        boolean opener = DOUBLE_OPEN.indexOf(c) >= 0;
        boolean closer = DOUBLE_CLOSE.indexOf(c) >= 0;
        if (c == '"' || opener || closer) {
          if (open < 0 && !closer) {
            open = i;
          } else if (open >= 0) {
            // a second opening mark while a quote is open is a mis-typed closing mark ("… “Macron said")
            pairs.add(new int[] {open, i, 0});
            open = -1;
          }
        }
      }
      if (open >= 0) {
        pairs.add(new int[] {open, to, 1});
      }
    }

    private void singleMarks(int from, int to, List<int[]> pairs) {
      int open = -1;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c == '‘' && open < 0 && (i == from || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
          open = i;
        } else if (c == '’' && open >= 0 && (i + 1 >= to || !Character.isLetter(text.charAt(i + 1)))
            && !Character.isWhitespace(text.charAt(i - 1))) {
          int o = open;
          if (pairs.stream().noneMatch(p -> p[0] < o && o < p[1])) {
            pairs.add(new int[] {open, i, 0});
          }
          open = -1;
        }
      }
    }

    private boolean insideAny(List<int[]> quotes, int position) {
      for (int[] q : quotes) {
        if (q[0] < position && position < q[1]) {
          return true;
        }
      }
      return false;
    }

    private void directQuote(int[] q) {
      int start = q[0] + 1;
      int end = q[1];
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
        end--;
      }
      if (end <= start) {
        return;
      }
      Attribution who = attributeAfter(q[1] + 1);
      if (who == null) {
        who = attributeBefore(q[0]);
      }
      if (who == null) {
        who = enclosingReport(q[0]);
      }
      if (who == null && startsSentence(q[0])) {
        who = continuation(q[0]);
      }
      if (who == null && words(start, end) < MIN_UNATTRIBUTED_WORDS) {
        return;
      }
      EntityRef speaker = who == null ? null : who.speaker();
      if (speaker != null && speaker.id() != null && isPersonRef(speaker)) {
        persons.put(who.position(), speaker);
      }
      out.add(new Frame(Frame.Kind.DIRECT, field, start, end, speaker));
    }

    /** ", Macron said", "he added", "said the French president" right after the closing mark. */
    private Attribution attributeAfter(int from) {
      int i = doc.tokenIndexAt(field, from);
      int sentenceEnd = sentenceEnd(from);
      List<Integer> window = new ArrayList<>();
      for (int k = i; k < tokens.size() && window.size() < VERB_WINDOW && tokens.get(k).start() < sentenceEnd; k++) {
        Token t = tokens.get(k);
        if (isQuoteMark(t.text())) {
          break;
        }
        if (t.isWord()) {
          window.add(k);
        } else if (!window.isEmpty() && !t.text().equals(",")) {
          break;
        }
      }
      for (int w = 0; w < window.size(); w++) {
        int verb = window.get(w);
        if ("speech".equals(lexicon.speechVerb(tokens.get(verb).lower()))) {
          int before = window.get(0);
          Attribution a = speakerBefore(before, verb);
          return a != null ? a : speakerAfter(verb + 1);
        }
      }
      return null;
    }

    /** "Zelenski called on his allies to act: “…”", "He said, “…”", "X said that “…”". */
    private Attribution attributeBefore(int openMark) {
      Sentence sentence = doc.sentenceAt(field, openMark);
      if (sentence == null) {
        return null;
      }
      int first = doc.tokenIndexAt(field, sentence.start());
      int last = doc.tokenIndexAt(field, openMark) - 1;
      if (last < first) {
        return null;
      }
      for (int k = last; k >= first; k--) {
        if ("speech".equals(lexicon.speechVerb(tokens.get(k).lower()))) {
          Attribution a = speakerBefore(Math.max(first, k - 10), k);
          return a != null ? a : speakerAfter(k + 1);
        }
      }
      if (tokens.get(last).text().equals(":")) {
        for (Referent r : refs.within(field, sentence.start(), openMark)) {
          if (r.type() != EntityType.LOCATION && !refs.isGovernedByPreposition(r)) {
            return new Attribution(r.ref(), r.start());
          }
        }
      }
      return null;
    }

    private Attribution enclosingReport(int position) {
      for (Frame f : out) {
        if (f.kind() == Frame.Kind.REPORTED && f.contains(field, position) && f.speaker() != null) {
          return new Attribution(f.speaker(), f.start());
        }
      }
      return null;
    }

    /** An unattributed quote continues the last attributed words of its paragraph (or of a quote left open). */
    private Attribution continuation(int position) {
      Sentence here = doc.sentenceAt(field, position);
      Frame previous = null;
      for (Frame f : out) {
        if (f.start() < position && f.speaker() != null && f.kind() != Frame.Kind.REPORT) {
          Sentence s = doc.sentenceAt(field, f.start());
          boolean sameParagraph = s != null && here != null && s.paragraph() == here.paragraph();
          boolean openBefore = s != null && here != null && s.paragraph() == here.paragraph() - 1
              && f.end() >= paragraphEnd(f.start()) - 1;
          if (sameParagraph || openBefore) {
            previous = f;
          }
        }
      }
      return previous == null ? null : new Attribution(previous.speaker(), position);
    }

    // ---- reported speech ----------------------------------------------------------------------------------

    /** "X said (on Thursday) that CLAUSE" and "CLAUSE, X said." / "..., the Financial Times reports." */
    private void reportedSpeech(Sentence sentence, List<int[]> quotes) {
      int first = doc.tokenIndexAt(field, sentence.start());
      int last = doc.tokenIndexAt(field, sentence.end()) - 1;
      for (int k = first; k <= last; k++) {
        Token t = tokens.get(k);
        if (!"speech".equals(lexicon.speechVerb(t.lower())) || insideAny(quotes, t.start())) {
          continue;
        }
        int clause = -1;
        for (int j = k + 1; j <= Math.min(last, k + THAT_WINDOW); j++) {
          String w = tokens.get(j).lower();
          if (w.equals("that")) {
            clause = j + 1;
            break;
          }
          if (!tokens.get(j).isWord() || lexicon.speechVerb(w) != null) {
            break;
          }
        }
        if (clause < 0 && k < last && lexicon.takesClause(t.lower()) && opensClause(k + 1) && !afterQuote(k)) {
          clause = k + 1;
        }
        if (clause >= 0 && clause <= last) {
          Attribution who = speakerBefore(Math.max(first, k - 10), k);
          int start = tokens.get(clause).start();
          int end = trimEnd(start, sentence.end());
          if (end > start) {
            EntityRef speaker = who == null ? null : who.speaker();
            if (speaker != null && isPersonRef(speaker)) {
              persons.put(t.start(), speaker);
            }
            out.add(new Frame(Frame.Kind.REPORTED, field, start, end, speaker));
          }
          return;
        }
      }
      trailingSource(sentence, first, last, quotes);
    }

    /** The last comma-clause names a source: ", the FT reports", ", according to Reuters", ", Tusk said". */
    private void trailingSource(Sentence sentence, int first, int last, List<int[]> quotes) {
      int comma = -1;
      for (int k = last; k > first; k--) {
        if (tokens.get(k).text().equals(",")) {
          comma = k;
          break;
        }
      }
      // a comma that ends the sentence names no source (and has no token after it)
      if (comma < 0 || comma == last || last - comma > 8 || insideAny(quotes, tokens.get(comma).start())
          || isQuoteMark(tokens.get(comma - 1).text()) || isQuoteMark(tokens.get(comma + 1).text())) {
        return;
      }
      comma = appositionStart(comma, first);
      Frame.Kind kind = null;
      int verb = -1;
      for (int k = comma + 1; k <= last; k++) {
        String v = lexicon.speechVerb(tokens.get(k).lower());
        if (k + 1 <= last && "report".equals(lexicon.speechVerb(tokens.get(k).lower() + " "
            + tokens.get(k + 1).lower()))) {
          kind = Frame.Kind.REPORT;
          verb = k + 1;
          break;
        }
        if (v != null) {
          kind = "report".equals(v) ? Frame.Kind.REPORT : Frame.Kind.REPORTED;
          verb = k;
          break;
        }
      }
      if (kind == null) {
        return;
      }
      Attribution who = speakerBefore(comma + 1, verb);
      if (who == null) {
        who = speakerAfter(verb + 1);
      }
      int end = trimEnd(sentence.start(), tokens.get(comma).start());
      out.add(new Frame(kind, field, sentence.start(), end, who == null ? null : who.speaker()));
    }

    /** Widens ", Priya Raman, said" to ", its chief executive, Priya Raman, said": titles and names only. */
    private int appositionStart(int comma, int first) {
      int start = comma;
      while (true) {
        int previous = -1;
        for (int k = start - 1; k > first; k--) {
          if (tokens.get(k).text().equals(",")) {
            previous = k;
            break;
          }
        }
        if (previous < 0 || start - previous > 6 || !appositive(previous + 1, start)) {
          return start;
        }
        start = previous;
      }
    }

    private boolean appositive(int from, int to) {
      boolean named = false;
      for (int k = from; k < to; k++) {
        Token t = tokens.get(k);
        Referent r = refs.at(field, t.start());
        boolean titleWord = lexicon.isRoleWord(t.lower()) || lexicon.demonym(t.text()) != null
            || CLAUSE_OPENERS.contains(t.lower()) || t.lower().equals("'s");
        if (r == null && !titleWord) {
          return false;
        }
        named |= r != null || lexicon.isRoleWord(t.lower());
      }
      return named;
    }

    /** Whether a verb attributes the quote just before it ("…,” said the minister"), so no words follow it. */
    private boolean afterQuote(int verb) {
      for (int k = verb - 1; k >= 0 && k >= verb - 4; k--) {
        if (isQuoteMark(tokens.get(k).text())) {
          return true;
        }
      }
      return false;
    }

    /** Whether reported words can start at token k: a determiner, a subject pronoun or a name. */
    private boolean opensClause(int k) {
      Token t = tokens.get(k);
      String pronoun = lexicon.pronounClass(t.lower());
      return CLAUSE_OPENERS.contains(t.lower()) || refs.at(field, t.start()) != null
          || (pronoun != null && !t.lower().equals("him") && !t.lower().equals("her"));
    }

    // ---- speakers -----------------------------------------------------------------------------------------

    /** The speaker nearest before the verb in tokens {@code [from, verb)}: a name, title phrase or pronoun. */
    private Attribution speakerBefore(int from, int verb) {
      for (int k = verb - 1; k >= from; k--) {
        Token t = tokens.get(k);
        Referent r = refs.at(field, t.start());
        if (r != null) {
          if (refs.isGovernedByPreposition(r)) {
            return null;
          }
          boolean unnamed = refs.isTitleModifier(r) && k < verb - 1;
          return new Attribution(coordinated(r) || unnamed ? null : r.ref(), r.start());
        }
        String pronoun = lexicon.pronounClass(t.lower());
        if (pronoun != null) {
          return resolvePronoun(pronoun, t.start());
        }
        if (t.text().equals(",") || t.text().equals(";") || isQuoteMark(t.text())) {
          if (k < verb - 1 && !tokens.get(k + 1).isCapitalised()) {
            return null;
          }
        }
      }
      return null;
    }

    /** "said Macron", "said the Irish fisheries minister, Niamh Brady", "said Harbour City coach Lena Fischer". */
    private Attribution speakerAfter(int from) {
      for (int k = from; k < tokens.size() && k < from + VERB_WINDOW; k++) {
        Token t = tokens.get(k);
        if (isQuoteMark(t.text()) || t.text().equals(".") || t.text().equals(";")) {
          return null;
        }
        Referent r = refs.at(field, t.start());
        if (r != null && !refs.isTitleModifier(r)) {
          return new Attribution(r.ref(), r.start());
        }
        if (r != null) {
          k = doc.tokenIndexAt(field, r.end()) - 1;
        }
      }
      return null;
    }

    private Attribution resolvePronoun(String pronounClass, int position) {
      if (pronounClass.equals("person")) {
        var e = persons.lowerEntry(position);
        return e == null || position - e.getKey() > PRONOUN_REACH ? null : new Attribution(e.getValue(), position);
      }
      return new Attribution(null, position);
    }

    private boolean isPersonRef(EntityRef ref) {
      return refs.isPerson(ref);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Only a quote that opens its sentence continues someone's words; a quote inside narration is partial. */
    private boolean startsSentence(int openMark) {
      Sentence s = doc.sentenceAt(field, openMark);
      return s == null || s.start() == openMark;
    }

    /** "Macron and Zelenski stressed": a joint statement has no single speaker. */
    private boolean coordinated(Referent r) {
      Referent previous = null;
      for (Referent other : refs.all(field)) {
        if (other.end() <= r.start()) {
          previous = other;
        }
      }
      return previous != null && previous.isPerson()
          && text.substring(previous.end(), r.start()).matches("\\s*(?:,|and|&)\\s*");
    }

    private int sentenceEnd(int position) {
      Sentence s = doc.sentenceAt(field, position);
      return s == null ? text.length() : Math.max(s.end(), Math.min(text.length(), position + 1));
    }

    private int paragraphEnd(int position) {
      int nl = text.indexOf('\n', position);
      return nl < 0 ? text.length() : nl;
    }

    private int trimEnd(int start, int end) {
      while (end > start && ".!?,;: ".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      return end;
    }

    private int words(int start, int end) {
      return doc.tokenIndexAt(field, end) - doc.tokenIndexAt(field, start);
    }
  }

  static boolean isQuoteMark(String s) {
    return s.length() == 1 && "\"“”„«»‘’".indexOf(s.charAt(0)) >= 0;
  }

  /** Who spoke, and where the text says so. Speaker may be null ("they said"). */
  private record Attribution(EntityRef speaker, int position) {}
}

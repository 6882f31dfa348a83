package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.quotes.ArticleReferents;
import io.newsflow.nlp.quotes.Frame;
import io.newsflow.nlp.quotes.Lexicon;
import io.newsflow.nlp.quotes.Referent;
import io.newsflow.nlp.text.Document;
import io.newsflow.nlp.text.Sentence;
import io.newsflow.nlp.text.Token;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The stance rules applied to one article, sentence by sentence. Not shared between threads. */
final class StanceFinder {

  /** How far back (tokens) a cue looks for its subject. */
  private static final int SUBJECT_REACH = 25;
  /** Longest target phrase, in words. */
  private static final int TARGET_WORDS = 10;
  /** What may stand between two coordinated holders: "Denmark and the Baltic states", "such as Poland, Greece". */
  private static final Pattern CONNECTOR = Pattern.compile(
      "\\s*,?\\s*(?:(?:and|or|as well as|such as|along with|together with|including)\\s+)?(?:the\\s+)?",
      Pattern.CASE_INSENSITIVE);
  private static final double PRONOUN_FACTOR = 0.85;
  private static final double DESCRIPTION_FACTOR = 0.7;
  private static final double REPORTED_FACTOR = 0.9;
  private static final double CONDITIONAL_FACTOR = 0.9;

  private final StanceLexicon stanceLexicon;
  private final Lexicon lexicon;
  private final ArticleReferents refs;
  private final Document doc;
  private final List<Frame> frames;
  private final Map<String, Stance> found = new LinkedHashMap<>();

  StanceFinder(StanceLexicon stanceLexicon, ArticleReferents refs, List<Frame> frames) {
    this.stanceLexicon = stanceLexicon;
    this.lexicon = refs.lexicon();
    this.refs = refs;
    this.doc = refs.document();
    this.frames = frames;
  }

  List<Stance> find() {
    for (Sentence sentence : doc.sentences()) {
      sentence(sentence);
    }
    return new ArrayList<>(found.values());
  }

  /** A cue found in a sentence: tokens {@code [first, last]}. */
  private record Hit(Cue cue, int first, int last) {}

  /** A holder found for a cue, and how much the way it was found lowers confidence. */
  private record Holder(EntityRef ref, boolean person, double factor) {}

  private void sentence(Sentence sentence) {
    TextField field = sentence.field();
    List<Token> tokens = doc.tokens(field);
    int first = doc.tokenIndexAt(field, sentence.start());
    int last = doc.tokenIndexAt(field, sentence.end()) - 1;
    List<String> words = doc.words(field);
    Hit previous = null;
    for (int i = first; i <= last; i++) {
      Hit hit = cueAt(words, i, last, field);
      if (hit == null) {
        continue;
      }
      i = hit.last();
      if (refs.at(field, tokens.get(hit.first()).start()) != null) {
        continue;
      }
      if (previous != null && governedBy(previous, hit, field, tokens)) {
        continue;
      }
      if (apply(sentence, hit, tokens, words, first, last)) {
        previous = hit;
      }
    }
  }

  /** The only_after condition of a cue: "Italy support", "would support", not "real support". */
  private boolean allowedAfter(Cue cue, TextField field, int i) {
    if (cue.onlyAfter().isEmpty()) {
      return true;
    }
    if (i == 0) {
      return false;
    }
    Token before = doc.tokens(field).get(i - 1);
    Referent r = refs.at(field, before.start());
    String pronoun = lexicon.pronounClass(before.lower());
    return cue.onlyAfter().contains(before.lower())
        || (r != null && r.end() == before.end() && cue.onlyAfter().contains("@name"))
        || (pronoun != null && !before.lower().matches("its|their|our|my|him|her") && cue.onlyAfter().contains("@pronoun"));
  }

  private Hit cueAt(List<String> words, int i, int last, TextField field) {
    for (Cue cue : stanceLexicon.cuesStartingWith(words.get(i))) {
      if (i + cue.tokens().size() - 1 <= last && cue.matchesAt(words, i) && allowedAfter(cue, field, i)) {
        return new Hit(cue, i, i + cue.tokens().size() - 1);
      }
    }
    return null;
  }

  /** A cue right after another one with no new subject between ("hesitated to agree") belongs to the first. */
  private boolean governedBy(Hit previous, Hit hit, TextField field, List<Token> tokens) {
    for (int k = previous.last() + 1; k < hit.first(); k++) {
      Token t = tokens.get(k);
      if (refs.at(field, t.start()) != null || lexicon.pronounClass(t.lower()) != null
          || "clause".equals(lexicon.functionWord(t.lower())) || t.text().equals(";")) {
        return false;
      }
    }
    return true;
  }

  /** Reads one cue: its frame, clause, modifiers, holder and target. True when a stance came out of it. */
  private boolean apply(Sentence sentence, Hit hit, List<Token> tokens, List<String> words, int first, int last) {
    TextField field = sentence.field();
    int cueStart = tokens.get(hit.first()).start();
    Frame frame = innermostFrame(field, cueStart);
    int regionFirst = first;
    int regionLast = last;
    if (frame != null && frame.kind() != Frame.Kind.REPORT) {
      regionFirst = Math.max(first, doc.tokenIndexAt(field, frame.start()));
      regionLast = Math.min(last, doc.tokenIndexAt(field, frame.end()) - 1);
    }
    int clauseFirst = clauseStart(tokens, regionFirst, hit.first());

    Polarity polarity = hit.cue().polarity();
    double confidence = hit.cue().weight();
    for (StanceLexicon.Modifier m : stanceLexicon.modifiers()) {
      if (modifierBefore(words, m, clauseFirst, hit.first())) {
        switch (m.kind()) {
          case SUSPEND -> {
            return false;
          }
          case NEGATION -> {
            StanceLexicon.Flip flip = stanceLexicon.flip(polarity);
            polarity = flip.to();
            confidence *= flip.factor();
          }
          case HEDGE -> {
            if (polarity == Polarity.SUPPORT) {
              polarity = Polarity.HESITANT;
            }
            confidence *= CONDITIONAL_FACTOR;
          }
        }
      }
    }
    for (StanceLexicon.Conditional c : stanceLexicon.conditionals()) {
      if (c.suspends()) {
        if (suspendedByCondition(tokens, words, c, clauseFirst, hit.first())) {
          return false;
        }
      } else if (polarity == Polarity.SUPPORT && occursBetween(words, c.tokens(), hit.last() + 1, last + 1)) {
        polarity = Polarity.HESITANT;
        confidence *= CONDITIONAL_FACTOR;
      }
    }

    if (hit.cue().bySpeaker()) {
      return accusation(sentence, hit, frame, tokens, clauseFirst, polarity, confidence);
    }
    List<Holder> holders = subject(field, tokens, clauseFirst, hit.first(), frame, regionFirst);
    if (holders.isEmpty()) {
      return false;
    }
    int[] target = target(tokens, hit.last() + 1, regionLast);
    String targetText = target == null ? doc.text(field).substring(cueStart, tokens.get(hit.last()).end())
        : doc.text(field).substring(target[0], target[1]);
    for (Holder holder : holders) {
      EntityRef targetEntity = target == null ? null : entityWithin(field, target[0], target[1], holder.ref());
      EntityRef reportedBy = reporter(frame, holder.ref());
      double c = confidence * holder.factor() * (reportedBy != null ? REPORTED_FACTOR : 1.0);
      add(sentence, holder, targetText, targetEntity, polarity, c, reportedBy);
    }
    return true;
  }

  /** "Russia is playing games", said by Starmer: the speaker holds the position, the subject is its target. */
  private boolean accusation(Sentence sentence, Hit hit, Frame frame, List<Token> tokens, int clauseFirst,
                             Polarity polarity, double confidence) {
    if (frame == null || frame.kind() == Frame.Kind.REPORT || frame.speaker() == null) {
      return false;
    }
    TextField field = sentence.field();
    Referent accused = null;
    for (int k = hit.first() - 1; k >= clauseFirst && hit.first() - k <= SUBJECT_REACH; k--) {
      Referent r = refs.at(field, tokens.get(k).start());
      if (r != null && !refs.isGovernedByPreposition(r)) {
        accused = r;
        break;
      }
    }
    String targetText = accused == null
        ? doc.text(field).substring(tokens.get(hit.first()).start(), tokens.get(hit.last()).end())
        : doc.text(field).substring(accused.start(), accused.end());
    EntityRef speaker = frame.speaker();
    add(sentence, new Holder(speaker, isPerson(speaker), 1.0), targetText, accused == null ? null : accused.ref(),
        polarity, confidence, null);
    return true;
  }

  /**
   * The holders of a cue: the nearest name, group, title or pronoun before it in its clause that is not the object
   * of a preposition, with the names coordinated with it ("such as Poland and Greece, are hesitant").
   */
  private List<Holder> subject(TextField field, List<Token> tokens, int clauseFirst, int cueFirst, Frame frame,
                               int regionFirst) {
    List<Holder> holders = subject(field, tokens, clauseFirst, cueFirst, frame);
    if (holders.isEmpty() && clauseFirst > regionFirst && isCoordinator(tokens.get(clauseFirst - 1))) {
      // "Transit Co said it was disappointed but remained committed": the clause shares the subject before "but"
      holders = subject(field, tokens, regionFirst, clauseFirst - 1, frame);
    }
    if (holders.isEmpty() && frame != null && frame.kind() != Frame.Kind.REPORT && frame.speaker() != null
        && definiteSubject(tokens, clauseFirst, cueFirst)) {
      // "Marquez said the bank was not ready to cut": an unnamed "the bank" is the speaker's own side
      holders = List.of(new Holder(frame.speaker(), isPerson(frame.speaker()), DESCRIPTION_FACTOR));
    }
    return holders;
  }

  /** Whether the words before the cue hold no name or pronoun and start with "the" (a description). */
  private boolean definiteSubject(List<Token> tokens, int clauseFirst, int cueFirst) {
    for (int k = clauseFirst; k < cueFirst; k++) {
      String w = tokens.get(k).lower();
      if (lexicon.pronounClass(w) != null || !tokens.get(k).isWord()) {
        return false;
      }
      if (w.equals("the")) {
        return true;
      }
    }
    return false;
  }

  private boolean isCoordinator(Token t) {
    return t.lower().equals("but");
  }

  private List<Holder> subject(TextField field, List<Token> tokens, int clauseFirst, int cueFirst, Frame frame) {
    for (int k = cueFirst - 1; k >= clauseFirst && cueFirst - k <= SUBJECT_REACH; k--) {
      Token t = tokens.get(k);
      Referent r = refs.at(field, t.start());
      if (r != null) {
        if (insideOtherQuote(field, r.start(), frame)) {
          continue;
        }
        List<Referent> chain = chain(field, r, tokens.get(clauseFirst).start());
        if (refs.isGovernedByPreposition(chain.get(0))) {
          k = doc.tokenIndexAt(field, chain.get(0).start());
          continue;
        }
        List<Holder> holders = new ArrayList<>();
        for (Referent member : chain) {
          holders.add(new Holder(member.ref(), member.isPerson(), chain.size() > 1 ? 0.95 : 1.0));
        }
        return holders;
      }
      String pronoun = lexicon.pronounClass(t.lower());
      if (pronoun != null) {
        return pronoun(field, tokens, pronoun, k, frame, tokens.get(clauseFirst).start());
      }
    }
    return List.of();
  }

  private List<Holder> pronoun(TextField field, List<Token> tokens, String pronounClass, int k, Frame frame,
                               int clauseStart) {
    int position = tokens.get(k).start();
    Sentence sentence = doc.sentenceAt(field, position);
    switch (pronounClass) {
      case "speaker" -> {
        if (frame != null && frame.kind() != Frame.Kind.REPORT && frame.speaker() != null) {
          return List.of(new Holder(frame.speaker(), isPerson(frame.speaker()), 1.0));
        }
        return List.of();
      }
      case "person" -> {
        Referent r = nearestBefore(field, position, 0, true);
        EntityRef spoke = lastSpeakerBefore(field, position);
        if (spoke != null && (r == null || lastSpeakerStart(field, position) > r.start())) {
          return List.of(new Holder(spoke, true, PRONOUN_FACTOR));
        }
        return r == null ? List.of() : List.of(new Holder(r.ref(), true, PRONOUN_FACTOR));
      }
      case "thing" -> {
        Referent r = nearestBefore(field, position, sentence.start(), false);
        if (r != null) {
          return List.of(new Holder(r.ref(), false, PRONOUN_FACTOR));
        }
        if (frame != null && frame.kind() != Frame.Kind.REPORT && frame.speaker() != null) {
          return List.of(new Holder(frame.speaker(), isPerson(frame.speaker()), PRONOUN_FACTOR));
        }
        return List.of();
      }
      default -> {
        Referent r = nearestBefore(field, position, clauseStart, null);
        if (r == null) {
          return List.of();
        }
        List<Holder> holders = new ArrayList<>();
        for (Referent member : chain(field, r, clauseStart)) {
          holders.add(new Holder(member.ref(), member.isPerson(), PRONOUN_FACTOR));
        }
        return holders;
      }
    }
  }

  /** The nearest subject-position referent before a position: persons only, non-persons only, or any (null). */
  private Referent nearestBefore(TextField field, int position, int from, Boolean person) {
    Referent best = null;
    for (Referent r : refs.all(field)) {
      if (r.end() > position) {
        break;
      }
      if (r.start() < from || refs.isGovernedByPreposition(r) || insideDirectQuote(field, r.start())) {
        continue;
      }
      if (person == null || person == r.isPerson()) {
        best = r;
      }
    }
    return best;
  }

  private EntityRef lastSpeakerBefore(TextField field, int position) {
    EntityRef speaker = null;
    for (Frame f : frames) {
      if (f.field() == field && f.start() < position && f.speaker() != null && isPerson(f.speaker())) {
        speaker = f.speaker();
      }
    }
    return speaker;
  }

  private int lastSpeakerStart(TextField field, int position) {
    int start = -1;
    for (Frame f : frames) {
      if (f.field() == field && f.start() < position && f.speaker() != null && isPerson(f.speaker())) {
        start = f.start();
      }
    }
    return start;
  }

  /** The referent and those coordinated before it, in text order, not reaching before {@code from}. */
  private List<Referent> chain(TextField field, Referent last, int from) {
    List<Referent> all = refs.all(field);
    List<Referent> chain = new ArrayList<>();
    chain.add(last);
    int index = all.indexOf(last);
    String text = doc.text(field);
    for (int i = index - 1; i >= 0; i--) {
      Referent previous = all.get(i);
      Referent head = chain.get(0);
      if (previous.start() < from || previous.end() > head.start()
          || !CONNECTOR.matcher(text.substring(previous.end(), head.start())).matches()) {
        break;
      }
      if (chain.stream().noneMatch(c -> c.ref().id().equals(previous.ref().id()))) {
        chain.add(0, previous);
      }
    }
    return chain;
  }

  /** The target phrase after a cue: up to the end of the clause, without a leading preposition. */
  private int[] target(List<Token> tokens, int from, int regionLast) {
    int k = from;
    if (k <= regionLast && (tokens.get(k).lower().equals("to") || lexicon.isPreposition(tokens.get(k).lower()))) {
      k++;
    }
    if (k <= regionLast && (tokens.get(k).lower().equals("and") || tokens.get(k).lower().equals("or"))) {
      return null;
    }
    int start = -1;
    int end = -1;
    int count = 0;
    for (; k <= regionLast && count < TARGET_WORDS; k++) {
      Token t = tokens.get(k);
      String kind = lexicon.functionWord(t.lower());
      if (!t.isWord() || "clause".equals(kind) || "stop".equals(kind)) {
        break;
      }
      if (start < 0) {
        start = t.start();
      }
      end = t.end();
      count++;
    }
    return start < 0 ? null : new int[] {start, end};
  }

  private EntityRef entityWithin(TextField field, int start, int end, EntityRef holder) {
    for (Referent r : refs.within(field, start, end)) {
      if (r.kind() == Referent.Kind.ENTITY && !r.ref().id().equals(holder.id())) {
        return r.ref();
      }
    }
    return null;
  }

  private EntityRef reporter(Frame frame, EntityRef holder) {
    if (frame == null || frame.speaker() == null || frame.speaker().id().equals(holder.id())) {
      return null;
    }
    return frame.speaker();
  }

  private void add(Sentence sentence, Holder holder, String target, EntityRef targetEntity, Polarity polarity,
                   double confidence, EntityRef reportedBy) {
    EntityRef onBehalfOf = holder.person() ? refs.onBehalfOf(holder.ref()) : null;
    Stance stance = new Stance(holder.ref(), onBehalfOf, target, targetEntity, polarity,
        Math.max(0.0, Math.min(1.0, confidence)), doc.span(sentence), reportedBy);
    String key = holder.ref().id() + "|" + polarity + "|" + sentence.field() + "|" + sentence.start();
    Stance old = found.get(key);
    if (old == null || old.confidence() < stance.confidence()) {
      found.put(key, stance);
    }
  }

  // ---- clause, frame and modifier helpers ---------------------------------------------------------------------

  private int clauseStart(List<Token> tokens, int regionFirst, int cueFirst) {
    for (int k = cueFirst - 1; k > regionFirst; k--) {
      Token t = tokens.get(k);
      if (t.text().equals(";") || "clause".equals(lexicon.functionWord(t.lower()))) {
        return k + 1;
      }
    }
    return regionFirst;
  }

  private Frame innermostFrame(TextField field, int position) {
    Frame best = null;
    for (Frame f : frames) {
      if (f.contains(field, position) && (best == null || f.end() - f.start() < best.end() - best.start())) {
        best = f;
      }
    }
    return best;
  }

  private boolean insideOtherQuote(TextField field, int position, Frame cueFrame) {
    for (Frame f : frames) {
      if (f.kind() == Frame.Kind.DIRECT && f.contains(field, position) && f != cueFrame) {
        return !(cueFrame != null && f.start() <= cueFrame.start() && cueFrame.end() <= f.end());
      }
    }
    return false;
  }

  private boolean insideDirectQuote(TextField field, int position) {
    for (Frame f : frames) {
      if (f.kind() == Frame.Kind.DIRECT && f.contains(field, position)) {
        return true;
      }
    }
    return false;
  }

  private boolean modifierBefore(List<String> words, StanceLexicon.Modifier m, int clauseFirst, int cueFirst) {
    int size = m.tokens().size();
    for (int p = Math.max(clauseFirst, cueFirst - m.window()); p + size <= cueFirst; p++) {
      if (matchesAt(words, p, m.tokens())) {
        return !(m.tokens().get(0).equals("not") && p + 1 < words.size() && words.get(p + 1).equals("only"));
      }
    }
    return false;
  }

  /** "if" between the clause start and the cue with no comma between: the cue is a hypothesis. */
  private boolean suspendedByCondition(List<Token> tokens, List<String> words, StanceLexicon.Conditional c,
                                       int clauseFirst, int cueFirst) {
    for (int p = cueFirst - 1; p >= clauseFirst; p--) {
      if (tokens.get(p).text().equals(",")) {
        return false;
      }
      if (matchesAt(words, p, c.tokens())) {
        return true;
      }
    }
    return false;
  }

  private static boolean occursBetween(List<String> words, List<String> marker, int from, int to) {
    for (int p = from; p + marker.size() <= to; p++) {
      if (matchesAt(words, p, marker)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(List<String> words, int p, List<String> pattern) {
    if (p < 0 || p + pattern.size() > words.size()) {
      return false;
    }
    for (int j = 0; j < pattern.size(); j++) {
      if (!TokenPattern.matches(pattern.get(j), words.get(p + j))) {
        return false;
      }
    }
    return true;
  }

  private boolean isPerson(EntityRef ref) {
    return refs.isPerson(ref);
  }
}

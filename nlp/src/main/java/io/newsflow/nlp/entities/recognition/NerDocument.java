package io.newsflow.nlp.entities.recognition;

import io.newsflow.kb.names.Names;
import java.util.Arrays;

/**
 * The recogniser's working memory for one text: tokens, sentences and the features of each token, all in
 * primitive arrays that are reused from text to text (one instance per thread). Nothing is allocated per
 * token; the arrays grow only when a text is longer than any before it.
 *
 * <p>Tokens follow the project's {@link io.newsflow.nlp.text.Tokenizer}: runs of letters and digits (a hyphen,
 * dot or apostrophe between two of them stays inside: "co-responsible", "U.S"), "n't" and "'s" split off,
 * every other character alone. A line break, and a full stop, question or exclamation mark not after an
 * abbreviation, end a sentence.
 */
public final class NerDocument {

  /** Most features of one token. */
  public static final int MAX_FEATURES = 96;
  /** A sentence is cut after this many tokens (unpunctuated copy), which bounds the decoder's work. */
  static final int MAX_SENTENCE = 200;
  /** Longest gazetteer name, in tokens. */
  public static final int MAX_NAME_TOKENS = 6;
  /** Other occurrences of a word read before and after it for context aggregation, at most. */
  static final int AGGREGATE = 4;

  // token categories
  static final int LOWER = 0;
  static final int INIT_CAP = 1;
  static final int ALL_CAPS = 2;
  static final int ONE_CAP = 3;
  static final int MIXED = 4;
  static final int DIGITS = 5;
  static final int ALNUM = 6;
  static final int OTHER = 7;

  // gazetteer bits (the low byte: one bit per kind; BEGIN marks a name's first token)
  public static final int GAZ_PERSON = 1;
  public static final int GAZ_ORGANIZATION = 2;
  public static final int GAZ_LOCATION = 4;
  public static final int GAZ_MISC = 8;
  public static final int GAZ_DEMONYM = 16;
  public static final int GAZ_TEAM = 32;
  public static final int GAZ_COUNTRY = 64;
  public static final int GAZ_CITY = 128;
  static final int GAZ_BEGIN = 256;

  private static final char[] FOLD = new char[0x250];
  private static final long BOS = 0x5A17_0000_0001L;
  private static final long EOS = 0x5A17_0000_0002L;
  private static final LongIntTable ABBREVIATIONS = new LongIntTable(64);
  private static final LongIntTable PRONOUNS = new LongIntTable(16);

  static {
    for (char c = 0; c < FOLD.length; c++) {
      String f = Names.fold(String.valueOf(c)).toLowerCase(java.util.Locale.ROOT);
      FOLD[c] = f.isEmpty() ? Character.toLowerCase(c) : f.charAt(0);
    }
    for (String a : new String[] {"mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "maj",
        "capt", "sgt", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "prof", "rev", "adm", "cmdr", "supt", "u.s", "u.k"}) {
      ABBREVIATIONS.put(hashLower(a, 0, a.length()), 1);
    }
    for (String p : new String[] {"he", "she", "they", "we"}) {
      PRONOUNS.put(hashLower(p, 0, p.length()), 1);
    }
  }

  private String text = "";
  private int size;
  private int[] start = new int[256];
  private int[] end = new int[256];
  private long[] exact = new long[256];
  private long[] lower = new long[256];
  private int[] shape = new int[256];
  private byte[] category = new byte[256];
  private int[] gazetteer = new int[256];
  /** Per token: the sentence it is in, and the previous and next token of the text with the same lower case (-1: none). */
  private int[] sentenceOf = new int[256];
  private int[] previousSame = new int[256];
  private int[] nextSame = new int[256];
  /** Per lower-cased word: its last occurrence so far, while reading. */
  private final LongIntTable lastOccurrence = new LongIntTable(1024);
  /** Whether the text reads like a results story: at least three scores written as "2-1". */
  private boolean results;
  private int sentences;
  private int[] sentenceStart = new int[64];
  private boolean[] sentenceCaps = new boolean[64];
  private final int[] features = new int[MAX_SENTENCE * MAX_FEATURES];
  private final int[] featureCount = new int[MAX_SENTENCE];
  private final int[] clusterOf = new int[MAX_SENTENCE];
  /** Per lower-cased word of the document: 1 = written capitalised inside a sentence, 2 = written in lower case. */
  private final LongIntTable documentCase = new LongIntTable(1024);
  /** Per lower-cased word: how often each type was predicted earlier in the document, a byte each. */
  private final LongIntTable history = new LongIntTable(1024);

  /** Tokenises a text and splits its sentences; forgets the previous text and its predictions. */
  public void read(String newText) {
    text = newText;
    size = 0;
    sentences = 0;
    boolean breakBefore = true;
    int n = newText.length();
    int i = 0;
    while (i < n) {
      char c = newText.charAt(i);
      if (c == '\n' || c == '\r') {
        breakBefore = true;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(newText.charAt(j)) || isInnerJoiner(newText, j))) {
          j++;
        }
        breakBefore = addWord(i, j, breakBefore);
        i = j;
      } else {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(newText.charAt(i + 1))) {
          addToken(i, i + 2, breakBefore);
          i += 2;
        } else {
          addToken(i, i + 1, breakBefore);
          i++;
        }
        breakBefore = (c == '.' || c == '?' || c == '!') && !afterAbbreviation();
      }
    }
    markCapitalSentences();
    readDocumentCase();
    linkOccurrences();
    history.clear();
    results = countScores() >= 3;
  }

  /** Tokens that read as a match score: one or two digits, a hyphen, one or two digits ("2-1"). */
  private int countScores() {
    int scores = 0;
    for (int t = 0; t < size; t++) {
      int len = end[t] - start[t];
      if (category[t] == DIGITS && len >= 3 && len <= 5) {
        int dash = text.indexOf('-', start[t]);
        if (dash > start[t] && dash < end[t] - 1 && dash - start[t] <= 2 && end[t] - dash - 1 <= 2) {
          scores++;
        }
      }
    }
    return scores;
  }

  private boolean addWord(int from, int to, boolean breakBefore) {
    int len = to - from;
    if (len > 3 && text.charAt(to - 3) == 'n' && isApostrophe(text.charAt(to - 2))
        && (text.charAt(to - 1) == 't' || text.charAt(to - 1) == 'T')) {
      addToken(from, to - 3, breakBefore);
      addToken(to - 3, to, false);
    } else if (len > 2 && isApostrophe(text.charAt(to - 2)) && (text.charAt(to - 1) == 's' || text.charAt(to - 1) == 'S')) {
      addToken(from, to - 2, breakBefore);
      addToken(to - 2, to, false);
    } else {
      addToken(from, to, breakBefore);
    }
    return false;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static boolean isInnerJoiner(String s, int j) {
    char c = s.charAt(j);
    if (c != '-' && c != '.' && c != '\'' && c != '’') {
      return false;
    }
    return j + 1 < s.length() && Character.isLetterOrDigit(s.charAt(j + 1)) && Character.isLetterOrDigit(s.charAt(j - 1));
  }

  private boolean afterAbbreviation() {
    if (size < 2) {
      return false;
    }
    int t = size - 2;
    if (end[t] != start[size - 1]) {
      return false;
    }
    int len = end[t] - start[t];
    if (len == 1 && Character.isLetter(text.charAt(start[t])) || ABBREVIATIONS.get(lower[t], 0) == 1) {
      return true;
    }
    for (int i = start[t]; i < end[t]; i++) {
      if (text.charAt(i) == '.') {
        return true; // "U.S."
      }
    }
    return false;
  }

  private void addToken(int from, int to, boolean breakBefore) {
    if (size == start.length) {
      int capacity = size * 2;
      start = Arrays.copyOf(start, capacity);
      end = Arrays.copyOf(end, capacity);
      exact = Arrays.copyOf(exact, capacity);
      lower = Arrays.copyOf(lower, capacity);
      shape = Arrays.copyOf(shape, capacity);
      category = Arrays.copyOf(category, capacity);
      gazetteer = Arrays.copyOf(gazetteer, capacity);
      sentenceOf = Arrays.copyOf(sentenceOf, capacity);
      previousSame = Arrays.copyOf(previousSame, capacity);
      nextSame = Arrays.copyOf(nextSame, capacity);
    }
    if (breakBefore || sentences == 0 || size - sentenceStart[sentences - 1] >= MAX_SENTENCE) {
      if (sentences == sentenceStart.length) {
        sentenceStart = Arrays.copyOf(sentenceStart, sentences * 2);
        sentenceCaps = Arrays.copyOf(sentenceCaps, sentences * 2);
      }
      sentenceStart[sentences++] = size;
    }
    sentenceOf[size] = sentences - 1;
    start[size] = from;
    end[size] = to;
    exact[size] = hashExact(text, from, to);
    lower[size] = hashLower(text, from, to);
    shape[size] = shapeOf(text, from, to);
    category[size] = (byte) categoryOf(text, from, to);
    size++;
  }

  private void markCapitalSentences() {
    for (int s = 0; s < sentences; s++) {
      boolean letters = false;
      boolean lowerCase = false;
      for (int t = sentenceStart(s); t < sentenceEnd(s) && !lowerCase; t++) {
        int cat = category[t];
        letters |= cat != DIGITS && cat != OTHER;
        lowerCase |= cat == LOWER || cat == INIT_CAP && end[t] - start[t] > 1 || cat == MIXED;
      }
      sentenceCaps[s] = letters && !lowerCase;
    }
  }

  /** How each word is written elsewhere in the text: what an all-capitals headline hides. */
  private void readDocumentCase() {
    documentCase.clear();
    for (int s = 0; s < sentences; s++) {
      if (sentenceCaps[s]) {
        continue;
      }
      for (int t = sentenceStart(s) + 1; t < sentenceEnd(s); t++) {
        int bit = category[t] == LOWER ? 2 : category[t] == INIT_CAP || category[t] == MIXED ? 1 : 0;
        if (bit != 0) {
          documentCase.put(lower[t], documentCase.get(lower[t], 0) | bit);
        }
      }
    }
  }

  /** Chains each token to the other occurrences of its word in the text (context aggregation). */
  private void linkOccurrences() {
    lastOccurrence.clear();
    for (int t = 0; t < size; t++) {
      int before = lastOccurrence.get(lower[t], -1);
      previousSame[t] = before;
      nextSame[t] = -1;
      if (before >= 0) {
        nextSame[before] = t;
      }
      lastOccurrence.put(lower[t], t);
    }
  }

  public int size() {
    return size;
  }

  public int sentences() {
    return sentences;
  }

  public int sentenceStart(int s) {
    return sentenceStart[s];
  }

  public int sentenceEnd(int s) {
    return s + 1 < sentences ? sentenceStart[s + 1] : size;
  }

  public int start(int token) {
    return start[token];
  }

  public int end(int token) {
    return end[token];
  }

  public String text() {
    return text;
  }

  /** Whether the token is punctuation or another sign, neither letters nor digits. */
  public boolean isPunctuation(int token) {
    return category[token] == OTHER;
  }

  /**
   * Whether the token cannot end a name: a quotation mark, bracket, dash or separator, or a full stop written
   * apart from the word before it; not "$" ("C$") nor an abbreviation's stop ("Calif.", "U.S.").
   */
  public boolean cannotEndName(int token) {
    if (category[token] != OTHER) {
      return false;
    }
    char c = text.charAt(start[token]);
    if (c == '.') {
      return token == 0 || end[token - 1] != start[token];
    }
    return "\"'“”‘’«»,;:-–—(".indexOf(c) >= 0;
  }

  /** Whether the token is a personal pronoun ("He"). */
  public boolean isPronoun(int token) {
    return PRONOUNS.get(lower[token], 0) == 1;
  }

  /** The feature hashes of a sentence's token (index within the sentence), filled by {@link #extract}. */
  public int[] features() {
    return features;
  }

  public int featureCount(int indexInSentence) {
    return featureCount[indexInSentence];
  }

  /**
   * Computes the features of every token of sentence {@code s}: the word, its lower case, shape, prefixes and
   * suffixes, the ±2 window, capitals in a headline, word clusters, gazetteer matches, how the word is written
   * elsewhere in the text, the types predicted for it earlier in the text, the word clusters around its other
   * occurrences, and, in a results story, its gazetteer kinds and itself as such.
   */
  public void extract(int s, LongIntTable clusters, LongIntTable names) {
    int from = sentenceStart(s);
    int to = sentenceEnd(s);
    matchNames(from, to, names);
    boolean caps = sentenceCaps[s];
    for (int t = from; t < to; t++) {
      clusterOf[t - from] = clusters.get(lower[t], 0);
    }
    for (int t = from; t < to; t++) {
      int base = (t - from) * MAX_FEATURES;
      int k = base;
      int cat = category[t];
      long prev = t > from ? lower[t - 1] : BOS;
      long prev2 = t > from + 1 ? lower[t - 2] : BOS;
      long next = t + 1 < to ? lower[t + 1] : EOS;
      long next2 = t + 2 < to ? lower[t + 2] : EOS;
      int prevShape = t > from ? shape[t - 1] : 1;
      int nextShape = t + 1 < to ? shape[t + 1] : 2;
      features[k++] = f(1, 0);
      features[k++] = f(2, exact[t]);
      features[k++] = f(3, lower[t]);
      features[k++] = f(4, prev);
      features[k++] = f(5, next);
      features[k++] = f(6, prev2);
      features[k++] = f(7, next2);
      features[k++] = f(8, shape[t]);
      features[k++] = f(9, prevShape);
      features[k++] = f(10, nextShape);
      features[k++] = f(11, prevShape * 31L + shape[t]);
      features[k++] = f(12, shape[t] * 31L + nextShape);
      features[k++] = f(13, prev * 31 + lower[t]);
      features[k++] = f(14, lower[t] * 31 + next);
      features[k++] = f(15, prev * 31 + next);
      int len = end[t] - start[t];
      for (int a = 1; a <= 4 && a < len; a++) {
        features[k++] = f(16 + a, hashLower(text, start[t], start[t] + a));
        features[k++] = f(20 + a, hashLower(text, end[t] - a, end[t]));
      }
      features[k++] = f(25, (t == from ? 8 : 0) + cat + (caps ? 16 : 0));
      features[k++] = f(26, (caps ? 16 : 0) * 31L + lower[t]);
      features[k++] = f(27, (t == from ? 1 : 0) * 31L + lower[t]);
      int cluster = clusterOf[t - from];
      int prevCluster = t > from ? clusterOf[t - from - 1] : 1;
      int nextCluster = t + 1 < to ? clusterOf[t - from + 1] : 1;
      features[k++] = f(30, cluster);
      features[k++] = f(31, prefix(cluster, 4));
      features[k++] = f(32, prefix(cluster, 6));
      features[k++] = f(33, prefix(cluster, 10));
      features[k++] = f(34, prefix(prevCluster, 6));
      features[k++] = f(35, prefix(nextCluster, 6));
      features[k++] = f(36, prevCluster);
      features[k++] = f(37, nextCluster);
      features[k++] = f(38, prefix(cluster, 8) * 8L + cat);
      int gaz = gazetteer[t];
      if (gaz != 0) {
        for (int bit = 1; bit <= GAZ_CITY; bit <<= 1) {
          if ((gaz & bit) != 0) {
            features[k++] = f(40, (gaz & GAZ_BEGIN) | bit);
            features[k++] = f(41, ((gaz & GAZ_BEGIN) | bit) * 8L + cat);
          }
        }
      }
      features[k++] = f(42, t > from ? gazetteer[t - 1] : -1);
      features[k++] = f(43, t + 1 < to ? gazetteer[t + 1] : -1);
      if (cat != LOWER && cat != OTHER && cat != DIGITS) {
        int written = documentCase.get(lower[t], 0);
        features[k++] = f(44, written * 64L + (caps ? 32 : 0) + (t == from ? 8 : 0) + cat);
      }
      if (cat != LOWER && cat != OTHER && cat != DIGITS) {
        k = aggregate(t, k, clusters);
        if (results) {
          features[k++] = f(60, gaz & 0xFF);
          features[k++] = f(61, lower[t]);
        }
      }
      int seen = history.get(lower[t], 0);
      if (seen != 0) {
        features[k++] = f(45, majority(seen));
        features[k++] = f(46, majority(seen) * 8L + cat);
      }
      featureCount[t - from] = k - base;
    }
  }

  /**
   * Ratinov and Roth's context aggregation: the word clusters around the other occurrences of this word in the
   * text (up to {@link #AGGREGATE} before and after it), so that "Mr Sheehan" later on helps the first "Sheehan".
   */
  private int aggregate(int t, int k, LongIntTable clusters) {
    int j = previousSame[t];
    for (int n = 0; n < AGGREGATE && j >= 0; n++, j = previousSame[j]) {
      k = context(j, k, clusters);
    }
    j = nextSame[t];
    for (int n = 0; n < AGGREGATE && j >= 0; n++, j = nextSame[j]) {
      k = context(j, k, clusters);
    }
    return k;
  }

  private int context(int j, int k, LongIntTable clusters) {
    int s = sentenceOf[j];
    features[k++] = f(52, j > sentenceStart[s] ? prefix(clusters.get(lower[j - 1], 0), 6) : 1);
    features[k++] = f(53, j + 1 < sentenceEnd(s) ? prefix(clusters.get(lower[j + 1], 0), 6) : 1);
    return k;
  }

  /** Remembers the types predicted for a sentence's capitalised words, for the rest of the text. */
  public void remember(int s, int[] labels) {
    int from = sentenceStart(s);
    for (int t = from; t < sentenceEnd(s); t++) {
      int label = labels[t - from];
      int cat = category[t];
      if (label != NerLabels.OUTSIDE && cat != LOWER && cat != OTHER) {
        int type = NerLabels.type(label);
        int counts = history.get(lower[t], 0);
        int shift = type * 8;
        if (((counts >>> shift) & 0xFF) < 0xFF) {
          history.put(lower[t], counts + (1 << shift));
        }
      }
    }
  }

  private static int majority(int counts) {
    int best = 0;
    int bestCount = 0;
    for (int type = 0; type < 4; type++) {
      int c = (counts >>> (type * 8)) & 0xFF;
      if (c > bestCount) {
        best = type + 1;
        bestCount = c;
      }
    }
    return best;
  }

  /** Marks the tokens inside the longest gazetteer names, left to right. */
  private void matchNames(int from, int to, LongIntTable names) {
    for (int t = from; t < to; t++) {
      gazetteer[t] = 0;
    }
    int t = from;
    while (t < to) {
      int bestLength = 0;
      int bestBits = 0;
      long key = 0;
      for (int len = 1; len <= MAX_NAME_TOKENS && t + len <= to; len++) {
        key = sequenceStep(key, len == 1, lower[t + len - 1]);
        int bits = names.get(key, 0);
        if (bits != 0) {
          bestLength = len;
          bestBits = bits;
        }
      }
      if (bestLength == 0) {
        t++;
        continue;
      }
      gazetteer[t] = bestBits | GAZ_BEGIN;
      for (int i = 1; i < bestLength; i++) {
        gazetteer[t + i] = bestBits;
      }
      t += bestLength;
    }
  }

  /** The gazetteer key of a name: its tokens' lower-case hashes, chained (builds the gazetteer). */
  public static long nameKey(String name) {
    NerDocument d = new NerDocument();
    d.read(name);
    if (d.size == 0 || d.size > MAX_NAME_TOKENS) {
      return 0;
    }
    long key = 0;
    for (int t = 0; t < d.size; t++) {
      key = sequenceStep(key, t == 0, d.lower[t]);
    }
    return key;
  }

  /** The lower-case hash of a single word (builds the cluster table). */
  public static long wordKey(String word) {
    return hashLower(word, 0, word.length());
  }

  private static long sequenceStep(long key, boolean first, long token) {
    return first ? token : mix(key * 0x100000001B3L + token);
  }

  private static int prefix(int cluster, int bits) {
    int length = 31 - Integer.numberOfLeadingZeros(cluster);
    return length <= bits ? cluster : cluster >>> (length - bits);
  }

  private static int f(int template, long value) {
    return (int) mix(value * 0x9E3779B97F4A7C15L + template);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long hashExact(String s, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ s.charAt(i)) * 0x100000001B3L;
    }
    return mix(h);
  }

  private static long hashLower(String s, int from, int to) {
    long h = 0xCBF29CE484222325L;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      char folded = c < FOLD.length ? FOLD[c] : c == '’' ? '\'' : Character.toLowerCase(c);
      h = (h ^ folded) * 0x100000001B3L;
    }
    return mix(h);
  }

  /** Word shape with runs collapsed: "Xx", "X.X", "d-d", "x-Xx", hashed. */
  private static int shapeOf(String s, int from, int to) {
    int h = 17;
    char last = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
          : Character.isLetter(c) ? 'l' : c;
      if (k != last) {
        h = h * 31 + k;
        last = k;
      }
    }
    return h;
  }

  private static int categoryOf(String s, int from, int to) {
    int upper = 0;
    int lowerCase = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lowerCase++;
      } else if (Character.isDigit(c)) {
        digits++;
      }
    }
    if (upper + lowerCase == 0) {
      return digits > 0 ? DIGITS : OTHER;
    }
    if (digits > 0) {
      return ALNUM;
    }
    if (upper == 0) {
      return Character.isLetter(s.charAt(from)) && !Character.isLowerCase(s.charAt(from)) ? INIT_CAP : LOWER;
    }
    if (lowerCase == 0) {
      return upper == 1 ? ONE_CAP : ALL_CAPS;
    }
    return Character.isUpperCase(s.charAt(from)) && upper == 1 ? INIT_CAP : MIXED;
  }
}

package io.newsflow.nlp.stance;

/** Matching of one lexicon token against one lower-case word: exact, or by prefix when it ends with '*'. */
final class TokenPattern {

  private TokenPattern() {}

  static boolean matches(String pattern, String word) {
    int last = pattern.length() - 1;
    if (last >= 0 && pattern.charAt(last) == '*') {
      return word.length() >= last && word.regionMatches(0, pattern, 0, last);
    }
    return pattern.equals(word);
  }
}

package io.newsflow.enrich.stance;

/** Matching of one lexicon token against one lower-case word: exact, or by prefix when it ends with '*'. */
final class TokenPattern {

  private TokenPattern() {}

  static boolean matches(String pattern, String word) {
    if (pattern.endsWith("*")) {
      return word.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(word);
  }
}

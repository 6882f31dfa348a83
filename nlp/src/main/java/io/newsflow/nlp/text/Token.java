package io.newsflow.nlp.text;

/** A word or punctuation mark: characters {@code [start, end)} of one text, and its lower-cased form. */
public record Token(int start, int end, String text, String lower) {

  public boolean isWord() {
    return Character.isLetterOrDigit(text.charAt(0)) || text.startsWith("'") || text.startsWith("’");
  }

  public boolean isCapitalised() {
    return Character.isUpperCase(text.charAt(0));
  }
}

package io.newsflow.nlp.text;

/** How a text is written as to letter case. */
public final class Casing {

  private Casing() {}

  /** Whether a text is written in capitals, as wire headlines are: more than 3 capitals, fewer than 1 in 5 small. */
  public static boolean isAllCaps(String text) {
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
}

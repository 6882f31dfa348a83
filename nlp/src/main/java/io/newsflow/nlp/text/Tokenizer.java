package io.newsflow.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words and single punctuation marks, keeping offsets. Clitics become their own tokens so rules
 * can read them: "didn't" gives "did" + "n't", "Trump’s" gives "Trump" + "’s" (lower-cased as "'s").
 */
public final class Tokenizer {

  private Tokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || isInnerJoiner(text, j))) {
          j++;
        }
        split(text, i, j, tokens);
        i = j;
      } else {
        tokens.add(token(text, i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /** A hyphen, dot or apostrophe between two letters or digits stays inside the word ("co-responsible", "U.S"). */
  private static boolean isInnerJoiner(String text, int j) {
    char c = text.charAt(j);
    if (c != '-' && c != '.' && c != '\'' && c != '’') {
      return false;
    }
    return j + 1 < text.length() && Character.isLetterOrDigit(text.charAt(j + 1))
        && Character.isLetterOrDigit(text.charAt(j - 1));
  }

  private static void split(String text, int start, int end, List<Token> out) {
    String surface = text.substring(start, end);
    String lower = normalise(surface);
    int n = lower.length();
    if (n != surface.length()) {
      out.add(new Token(start, end, surface, lower));
    } else if (n > 3 && lower.endsWith("n't")) {
      out.add(new Token(start, end - 3, surface.substring(0, n - 3), lower.substring(0, n - 3)));
      out.add(new Token(end - 3, end, surface.substring(n - 3), "n't"));
    } else if (n > 2 && lower.endsWith("'s")) {
      out.add(new Token(start, end - 2, surface.substring(0, n - 2), lower.substring(0, n - 2)));
      out.add(new Token(end - 2, end, surface.substring(n - 2), "'s"));
    } else {
      out.add(new Token(start, end, surface, lower));
    }
  }

  private static Token token(String text, int start, int end) {
    String surface = text.substring(start, end);
    return new Token(start, end, surface, normalise(surface));
  }

  /** Lower case, with the typographic apostrophe as a straight one. */
  private static String normalise(String surface) {
    String lower = surface.toLowerCase(Locale.ROOT);
    return lower.indexOf('’') >= 0 ? lower.replace('’', '\'') : lower;
  }
}

package io.newsflow.sink.alerts.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words as subscriptions and matching see them: runs of letters or digits, lower case. */
public final class Keywords {

  private Keywords() {}

  public static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  /** The words of a text joined by single spaces and framed by spaces, so a phrase matches whole words only. */
  public static String normalized(String text) {
    return " " + String.join(" ", tokens(text)) + " ";
  }
}

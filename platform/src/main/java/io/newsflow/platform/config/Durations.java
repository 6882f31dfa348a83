package io.newsflow.platform.config;

import java.time.Duration;
import java.util.Locale;

/** Parses durations the way operators write them in environment variables. */
public final class Durations {

  private Durations() {}

  public static Duration parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    }
    int unitAt = 0;
    while (unitAt < value.length() && (Character.isDigit(value.charAt(unitAt)) || value.charAt(unitAt) == '.')) {
      unitAt++;
    }
    if (unitAt == 0) {
      throw new IllegalArgumentException("No number in duration '" + text + "'");
    }
    double amount = Double.parseDouble(value.substring(0, unitAt));
    String unit = value.substring(unitAt).trim();
    double millis = switch (unit) {
      case "ms" -> amount;
      case "", "s" -> amount * 1_000;
      case "m", "min" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      case "d" -> amount * 86_400_000;
      default -> throw new IllegalArgumentException("Unknown unit '" + unit + "' in duration '" + text + "'");
    };
    return Duration.ofMillis(Math.round(millis));
  }
}

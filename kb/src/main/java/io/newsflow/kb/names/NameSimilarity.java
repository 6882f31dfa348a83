package io.newsflow.kb.names;

import java.util.List;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Spelling-distance and sound-alike similarity of names, token by token.
 *
 * <p>Jaro-Winkler over folded tokens, raised when the tokens sound alike (same Double Metaphone
 * code). A name is compared by aligning each token of the shorter name with its best token in the
 * longer one, the last token (the family name, in most names the press uses) weighing most.
 */
public final class NameSimilarity {

  private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
    DoubleMetaphone m = new DoubleMetaphone();
    m.setMaxCodeLen(6);
    return m;
  });

  private NameSimilarity() {}

  /** Double Metaphone primary code of a token (lower case, folded). */
  public static String sound(String token) {
    String code = METAPHONE.get().doubleMetaphone(token);
    return code == null ? "" : code;
  }

  /** Alternate Double Metaphone code of a token. */
  public static String alternateSound(String token) {
    String code = METAPHONE.get().doubleMetaphone(token, true);
    return code == null ? "" : code;
  }

  /** Similarity of two tokens in [0, 1]. */
  public static double tokens(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    double jw = jaroWinkler(a, b);
    if (a.length() >= 3 && b.length() >= 3) {
      String sa = sound(a);
      String sb = sound(b);
      if (!sa.isEmpty() && (sa.equals(sb) || sa.equals(alternateSound(b)) || alternateSound(a).equals(sb))) {
        jw = Math.max(jw, 0.93);
      }
    }
    // a garbled token often keeps the start of the real one ("Star" for "Starmer")
    if (a.length() >= 4 && b.length() >= 4 && (a.startsWith(b) || b.startsWith(a))) {
      jw = Math.max(jw, 0.9);
    }
    return jw;
  }

  /**
   * Similarity of a mentioned name to a known name, both as token lists, in [0, 1]. Every mention token
   * must find a partner; the family name (last token of the known name) must be matched by some token.
   */
  public static double names(List<String> mention, List<String> known) {
    if (mention.isEmpty() || known.isEmpty()) {
      return 0;
    }
    String family = known.get(known.size() - 1);
    double bestFamily = 0;
    double sum = 0;
    boolean[] used = new boolean[known.size()];
    for (String m : mention) {
      double best = 0;
      int bestIndex = -1;
      for (int i = 0; i < known.size(); i++) {
        if (used[i]) {
          continue;
        }
        double s = tokens(m, known.get(i));
        if (s > best) {
          best = s;
          bestIndex = i;
        }
      }
      if (bestIndex >= 0) {
        used[bestIndex] = true;
      }
      sum += best;
      bestFamily = Math.max(bestFamily, tokens(m, family));
    }
    double tokenScore = sum / mention.size();
    // multi-part family names ("von der Leyen") are matched token by token above
    return 0.5 * tokenScore + 0.5 * Math.min(tokenScore + 0.1, bestFamily);
  }

  /** Jaro-Winkler similarity. */
  public static double jaroWinkler(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (la == 0 || lb == 0) {
      return 0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    boolean[] ma = new boolean[la];
    boolean[] mb = new boolean[lb];
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int k = 0;
    for (int i = 0; i < la; i++) {
      if (ma[i]) {
        while (!mb[k]) {
          k++;
        }
        if (a.charAt(i) != b.charAt(k)) {
          transpositions++;
        }
        k++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }
}

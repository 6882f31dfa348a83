package io.newsflow.kb.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Normal forms of names: accents folded, lower case, punctuation to spaces. */
public final class Names {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Names() {}

  /** Folds accents and ligatures to ASCII where possible, keeping case. */
  public static String fold(String s) {
    if (isPlainAscii(s)) {
      return s; // nothing to fold: most names in English copy
    }
    String folded = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'ø' -> out.append('o');
        case 'Ø' -> out.append('O');
        case 'ł' -> out.append('l');
        case 'Ł' -> out.append('L');
        case 'æ' -> out.append("ae");
        case 'đ' -> out.append('d');
        case 'ı' -> out.append('i');
        case '’', '‘', '`' -> out.append('\'');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** ASCII only and no backtick: the one ASCII character {@link #fold} rewrites. */
  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == '`') {
        return false;
      }
    }
    return true;
  }

  /** The lookup key of a name: folded, lower case, letters and digits separated by single spaces. */
  public static String key(String s) {
    String f = fold(s).toLowerCase(java.util.Locale.ROOT);
    StringBuilder out = new StringBuilder(f.length());
    boolean space = true;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
        space = false;
      } else if (c == '\'' && !space && i + 1 < f.length() && Character.isLetter(f.charAt(i + 1))) {
        // keep "o'neill" as one token, but drop possessive "'s"
        if (f.startsWith("'s", i) && (i + 2 == f.length() || !Character.isLetter(f.charAt(i + 2)))) {
          i++;
          continue;
        }
        out.append(c);
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int len = out.length();
    if (len > 0 && out.charAt(len - 1) == ' ') {
      out.setLength(len - 1);
    }
    return out.toString();
  }

  /** The tokens of a name's key. */
  public static List<String> tokens(String s) {
    return tokensOfKey(key(s));
  }

  /** The tokens of a name already keyed by {@link #key} (keying is most of the cost when a base is compiled). */
  public static List<String> tokensOfKey(String k) {
    List<String> tokens = new ArrayList<>();
    for (String t : k.split(" ")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    return tokens;
  }

  /** Whether the name is written in Latin letters once accents are folded. */
  public static boolean isLatin(String s) {
    String f = fold(s);
    for (int i = 0; i < f.length(); i++) {
      if (f.charAt(i) > 0x24F) {
        return false;
      }
    }
    return true;
  }

  /** A stable local id: {@code local:person:emmanuel-macron}. */
  public static String localId(String type, String name) {
    return "local:" + type + ":" + key(name).replace(' ', '-');
  }
}

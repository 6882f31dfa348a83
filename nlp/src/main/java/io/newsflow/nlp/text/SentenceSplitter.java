package io.newsflow.nlp.text;

import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a text into paragraphs (at line breaks) and sentences (after . ! ? or … and any closing quote marks,
 * when the next word starts with a capital, a digit or an opening quote). Abbreviations and initials do not end a
 * sentence.
 */
public final class SentenceSplitter {

  private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep",
      "gov", "lt", "col", "capt", "sgt", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "prof", "rev", "u.s",
      "u.k", "e.g", "i.e", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "mt", "ft");
  private static final String CLOSERS = "\"”’»)]";
  private static final String OPENERS = "\"“‘«(„";

  private SentenceSplitter() {}

  public static List<Sentence> split(TextField field, String text) {
    List<Sentence> sentences = new ArrayList<>();
    int paragraph = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int lineEnd = text.indexOf('\n', i);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      if (!text.substring(i, lineEnd).isBlank()) {
        splitParagraph(field, text, i, lineEnd, paragraph++, sentences);
      }
      i = lineEnd + 1;
    }
    return sentences;
  }

  private static void splitParagraph(TextField field, String text, int from, int to, int paragraph,
                                     List<Sentence> out) {
    int start = from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '.' && c != '!' && c != '?' && c != '…') {
        continue;
      }
      int end = i + 1;
      while (end < to && CLOSERS.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      int next = end;
      while (next < to && Character.isWhitespace(text.charAt(next))) {
        next++;
      }
      if (next == end || next >= to || !startsSentence(text.charAt(next))) {
        continue;
      }
      if (c == '.' && isAbbreviation(text, from, i)) {
        continue;
      }
      add(field, text, start, end, paragraph, out);
      start = next;
      i = next - 1;
    }
    add(field, text, start, to, paragraph, out);
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0;
  }

  private static boolean isAbbreviation(String text, int from, int dot) {
    int w = dot;
    while (w > from && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
      w--;
    }
    String word = text.substring(w, dot).toLowerCase();
    return word.length() == 1 || ABBREVIATIONS.contains(word);
  }

  private static void add(TextField field, String text, int start, int end, int paragraph, List<Sentence> out) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new Sentence(field, paragraph, start, end));
    }
  }
}

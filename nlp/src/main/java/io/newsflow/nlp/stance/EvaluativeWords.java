package io.newsflow.nlp.stance;

import io.newsflow.nlp.text.Tsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of position the stance classifier's features name by class ({@code stance/evaluative.tsv}): the
 * verbs, nouns and adjectives by which the annotation guideline defines a stance. Immutable; thread-safe.
 */
final class EvaluativeWords {

  /** One entry: its lower-case tokens (a trailing '*' matches any ending), class and kind. */
  record Entry(List<String> tokens, String cls, String kind) {}

  /** Entries by first word; prefix entries by their first three letters. Longest entries first. */
  private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
  private final Map<String, List<Entry>> wildByStart = new HashMap<>();

  private EvaluativeWords(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt((Entry e) -> e.tokens().size()).reversed());
    for (Entry e : sorted) {
      String first = e.tokens().get(0);
      if (first.endsWith("*")) {
        wildByStart.computeIfAbsent(first.substring(0, Math.min(3, first.length() - 1)), k -> new ArrayList<>())
            .add(e);
      } else {
        byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
      }
    }
  }

  static EvaluativeWords load() {
    List<Entry> entries = new ArrayList<>();
    for (Map<String, String> row : Tsv.read("stance/evaluative.tsv")) {
      entries.add(new Entry(Arrays.asList(row.get("phrase").toLowerCase(Locale.ROOT).split(" ")), row.get("class"),
          row.get("kind")));
    }
    return new EvaluativeWords(entries);
  }

  /** The longest entry whose words start at {@code words[from]}, or null. */
  Entry at(List<String> words, int from, int to) {
    String first = words.get(from);
    Entry best = longest(byFirstWord.get(first), words, from, to);
    if (first.length() >= 3) {
      Entry wild = longest(wildByStart.get(first.substring(0, 3)), words, from, to);
      if (wild != null && (best == null || wild.tokens().size() > best.tokens().size())) {
        best = wild;
      }
    }
    return best;
  }

  private static Entry longest(List<Entry> candidates, List<String> words, int from, int to) {
    if (candidates == null) {
      return null;
    }
    for (Entry e : candidates) {
      if (from + e.tokens().size() > to) {
        continue;
      }
      boolean all = true;
      for (int j = 0; j < e.tokens().size() && all; j++) {
        all = TokenPattern.matches(e.tokens().get(j), words.get(from + j));
      }
      if (all) {
        return e;
      }
    }
    return null;
  }
}

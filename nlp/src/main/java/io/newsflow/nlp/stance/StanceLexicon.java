package io.newsflow.nlp.stance;

import io.newsflow.nlp.text.Tsv;
import io.newsflow.nlp.model.Polarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stance rules' data: cues ({@code stance/cues.tsv}), modifiers before a cue ({@code modifiers.tsv}), what a
 * negated polarity becomes ({@code flips.tsv}) and conditional markers ({@code conditionals.tsv}). Immutable.
 */
final class StanceLexicon {

  enum ModifierKind { NEGATION, HEDGE, SUSPEND }

  record Modifier(List<String> tokens, ModifierKind kind, int window) {}

  record Flip(Polarity to, double factor) {}

  record Conditional(List<String> tokens, boolean suspends) {}

  private final List<Cue> cues = new ArrayList<>();
  private final Map<String, List<Cue>> byFirstWord = new java.util.HashMap<>();
  /** Cues whose first token is a prefix ("refus*"), by the first three letters of that prefix. */
  private final Map<String, List<Cue>> wildByStart = new java.util.HashMap<>();
  private final List<Modifier> modifiers = new ArrayList<>();
  private final Map<Polarity, Flip> flips = new EnumMap<>(Polarity.class);
  private final List<Conditional> conditionals = new ArrayList<>();

  private StanceLexicon() {}

  static StanceLexicon load() {
    StanceLexicon lexicon = new StanceLexicon();
    for (Map<String, String> row : Tsv.read("stance/cues.tsv")) {
      lexicon.cues.add(new Cue(words(row.get("cue")), Polarity.valueOf(row.get("polarity")),
          Double.parseDouble(row.get("weight")), "speaker".equals(row.get("holder")),
          set(row.get("not_after")), set(row.get("only_after"))));
    }
    lexicon.cues.sort(Comparator.comparingInt((Cue c) -> c.tokens().size()).reversed());
    for (Cue cue : lexicon.cues) {
      String first = cue.tokens().get(0);
      if (first.endsWith("*")) {
        lexicon.wildByStart.computeIfAbsent(first.substring(0, Math.min(3, first.length() - 1)),
            k -> new ArrayList<>()).add(cue);
      } else {
        lexicon.byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(cue);
      }
    }
    for (Map<String, String> row : Tsv.read("stance/modifiers.tsv")) {
      lexicon.modifiers.add(new Modifier(words(row.get("modifier")),
          ModifierKind.valueOf(row.get("kind").toUpperCase()), Integer.parseInt(row.get("window"))));
    }
    for (Map<String, String> row : Tsv.read("stance/flips.tsv")) {
      lexicon.flips.put(Polarity.valueOf(row.get("polarity")),
          new Flip(Polarity.valueOf(row.get("negated")), Double.parseDouble(row.get("factor"))));
    }
    for (Map<String, String> row : Tsv.read("stance/conditionals.tsv")) {
      lexicon.conditionals.add(new Conditional(words(row.get("marker")), "suspend".equals(row.get("effect"))));
    }
    return lexicon;
  }

  private static Set<String> set(String cell) {
    return cell == null || cell.isEmpty() ? Set.of() : Set.of(cell.split(","));
  }

  private static List<String> words(String phrase) {
    return List.copyOf(Arrays.asList(phrase.toLowerCase().replace('’', '\'').split(" ")));
  }

  /** Cues longest first, so "not even certain" wins over shorter overlapping cues. */
  List<Cue> cues() {
    return cues;
  }

  /** The cues that may start at a word, longest first. */
  List<Cue> cuesStartingWith(String word) {
    List<Cue> exact = byFirstWord.getOrDefault(word, List.of());
    List<Cue> wild = word.length() < 3 ? List.of() : wildByStart.getOrDefault(word.substring(0, 3), List.of());
    if (wild.isEmpty()) {
      return exact;
    }
    List<Cue> candidates = new ArrayList<>(exact.size() + wild.size());
    candidates.addAll(exact);
    for (Cue cue : wild) {
      if (TokenPattern.matches(cue.tokens().get(0), word)) {
        candidates.add(cue);
      }
    }
    candidates.sort(Comparator.comparingInt((Cue c) -> c.tokens().size()).reversed());
    return candidates;
  }

  List<Modifier> modifiers() {
    return modifiers;
  }

  Flip flip(Polarity polarity) {
    return flips.getOrDefault(polarity, new Flip(polarity, 1.0));
  }

  List<Conditional> conditionals() {
    return conditionals;
  }
}

package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.MinHashFingerprinter;
import io.newsflow.enrich.dedup.NearDuplicateRule;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision and recall of the near-duplicate rule on labelled pairs ({@code eval/near-duplicates/pairs.jsonl}):
 * a pair labelled {@code duplicate} should be detected; {@code same-event-different-story} and
 * {@code unrelated} should not. Detection is exactly the topology's: a shared LSH band and an estimated
 * similarity at or above the threshold.
 */
public final class NearDuplicateEvaluation {

  public static final String DUPLICATE = "duplicate";

  private NearDuplicateEvaluation() {}

  /** {@code java ... NearDuplicateEvaluation [pairs.jsonl]}; defaults to {@code eval/near-duplicates/pairs.jsonl}. */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "eval/near-duplicates/pairs.jsonl"), System.out);
  }

  /** One labelled pair scored. */
  record Scored(String id, String label, boolean sharesBand, double similarity) {
    boolean detected(double threshold) {
      return sharesBand && similarity >= threshold;
    }
  }

  /** Counts at one threshold. */
  record Counts(double threshold, int truePositives, int falsePositives, int falseNegatives) {
    double precision() {
      return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
    }

    double recall() {
      return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
    }
  }

  public static void run(Path pairsJsonl, PrintStream out) {
    List<Scored> scored = score(pairsJsonl);
    double chosen = NearDuplicateRule.DEFAULT_THRESHOLD;
    out.printf("%d pairs from %s (%d duplicate)%n", scored.size(), pairsJsonl,
        scored.stream().filter(s -> s.label().equals(DUPLICATE)).count());
    for (String label : List.of(DUPLICATE, "same-event-different-story", "unrelated")) {
      List<Scored> of = scored.stream().filter(s -> s.label().equals(label)).toList();
      out.printf(Locale.ROOT, "  %-27s n=%2d  similarity min %.2f  max %.2f  sharing a band %d%n", label, of.size(),
          of.stream().mapToDouble(Scored::similarity).min().orElse(0),
          of.stream().mapToDouble(Scored::similarity).max().orElse(0),
          of.stream().filter(Scored::sharesBand).count());
    }
    out.println("threshold  precision  recall  tp  fp  fn");
    for (double t = 0.1; t < 0.82; t += 0.05) {
      print(out, counts(scored, t), "");
    }
    Counts at = counts(scored, chosen);
    print(out, at, "  <- chosen (NearDuplicateRule.DEFAULT_THRESHOLD)");
    scored.stream().filter(s -> s.label().equals(DUPLICATE) != s.detected(chosen)).forEach(s ->
        out.printf(Locale.ROOT, "  missed or wrong: %s %s similarity %.2f band %s%n", s.id(), s.label(), s.similarity(),
            s.sharesBand()));
  }

  static Counts counts(List<Scored> scored, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Scored s : scored) {
      boolean duplicate = s.label().equals(DUPLICATE);
      boolean detected = s.detected(threshold);
      if (duplicate && detected) {
        tp++;
      } else if (detected) {
        fp++;
      } else if (duplicate) {
        fn++;
      }
    }
    return new Counts(threshold, tp, fp, fn);
  }

  static List<Scored> score(Path pairsJsonl) {
    MinHashFingerprinter fingerprinter = new MinHashFingerprinter();
    List<Scored> scored = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(pairsJsonl)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode pair = Json.mapper().readTree(line);
        Fingerprint a = fingerprinter.fingerprint(pair.path("a").path("headline").asText(), pair.path("a").path("body").asText());
        Fingerprint b = fingerprinter.fingerprint(pair.path("b").path("headline").asText(), pair.path("b").path("body").asText());
        scored.add(new Scored(pair.path("id").asText(), pair.path("label").asText(), a.sharesBandWith(b), a.similarity(b)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pairsJsonl, e);
    }
    return scored;
  }

  private static void print(PrintStream out, Counts c, String note) {
    out.printf(Locale.ROOT, "     %.2f       %.3f   %.3f  %2d  %2d  %2d%s%n", c.threshold(), c.precision(), c.recall(),
        c.truePositives(), c.falsePositives(), c.falseNegatives(), note);
  }
}

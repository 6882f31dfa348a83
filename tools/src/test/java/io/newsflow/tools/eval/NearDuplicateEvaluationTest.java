package io.newsflow.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.dedup.NearDuplicateRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NearDuplicateEvaluationTest {

  private static final String STRIKE = "Dock workers at the port of Rotterdam walked off the job on Monday, halting "
      + "operations at the three largest container terminals in Europe's busiest port.";

  @TempDir
  Path dir;

  @Test
  void countsDetectedAndMissedPairsByLabel() throws IOException {
    // given a copy (duplicate), a second labelled duplicate that is in fact a different text, and an unrelated pair
    Path pairs = dir.resolve("pairs.jsonl");
    Files.write(pairs, List.of(
        pair("p1", "duplicate", STRIKE, STRIKE.replace("on Monday", "Monday")),
        pair("p2", "duplicate", STRIKE, "Lawmakers approved the budget shortly after midnight on Thursday."),
        pair("p3", "unrelated", STRIKE, "Heavy snow closed hundreds of schools across the north on Monday.")));

    // when scored
    List<NearDuplicateEvaluation.Scored> scored = NearDuplicateEvaluation.score(pairs);
    NearDuplicateEvaluation.Counts counts = NearDuplicateEvaluation.counts(scored, NearDuplicateRule.DEFAULT_THRESHOLD);

    // then the copy is found, the mislabelled pair is missed, and nothing unrelated is taken
    assertThat(counts.truePositives()).isEqualTo(1);
    assertThat(counts.falseNegatives()).isEqualTo(1);
    assertThat(counts.falsePositives()).isZero();
    assertThat(counts.precision()).isEqualTo(1.0);
    assertThat(counts.recall()).isEqualTo(0.5);
  }

  @Test
  void reportsPrecisionAndRecallAtTheChosenThreshold() throws IOException {
    Path pairs = dir.resolve("pairs.jsonl");
    Files.write(pairs, List.of(pair("p1", "duplicate", STRIKE, STRIKE)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    NearDuplicateEvaluation.run(pairs, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("1 pairs")
        .containsPattern("0\\.20\\s+1\\.000\\s+1\\.000\\s+1\\s+0\\s+0\\s+<- chosen");
  }

  private static String pair(String id, String label, String a, String b) {
    return "{\"id\":\"" + id + "\",\"label\":\"" + label + "\",\"a\":{\"source\":\"x\",\"headline\":\"H\",\"body\":\""
        + a.replace("\"", "\\\"") + "\"},\"b\":{\"source\":\"y\",\"headline\":\"H\",\"body\":\"" + b.replace("\"", "\\\"") + "\"}}";
  }
}

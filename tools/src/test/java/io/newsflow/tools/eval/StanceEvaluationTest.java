package io.newsflow.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StanceEvaluationTest {

  @Test
  void printsTheFileAndScoresAMissAndAWrongSpeaker() throws URISyntaxException {
    // given: two stories; the tagger finds Austria's opposition, misses Peru's (no cue for "keen") and names no
    // speaker for "officials said", which the file labels Peru on purpose
    Path gold = Path.of(getClass().getResource("/stance/tiny-gold.jsonl").toURI());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // when
    StanceEvaluation.run(gold, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    // then
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("gold: tiny-gold.jsonl (2 stories,");
    assertThat(out).containsPattern("all\\s+2\\s+2\\s+1\\s+1\\s+1\\.000\\s+0\\.500\\s+0\\.667\\s+0\\s+2\\s+2\\s+0\\.500");
    assertThat(out).contains("t2 missed Q419 SUPPORT").contains("t2 quote @0 attributed to null, gold Q419");
  }
}

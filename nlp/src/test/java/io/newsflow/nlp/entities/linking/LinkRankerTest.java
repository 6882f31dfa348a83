package io.newsflow.nlp.entities.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkRankerTest {

  @Test
  void aModelWrittenReadsBackWithItsWeightsThresholdAndProvenance() throws IOException {
    // given
    LinkRanker ranker = new LinkRanker(Map.of("bias", -2.0, "rule.pick", 4.0), 0.55, List.of("trained on fixtures"));
    StringWriter text = new StringWriter();
    // when
    ranker.write(text);
    LinkRanker read = LinkRanker.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    // then
    assertThat(read.threshold()).isEqualTo(0.55);
    assertThat(read.provenance()).containsExactly("trained on fixtures");
    double[] pick = features("bias", "rule.pick");
    double[] other = features("bias");
    assertThat(read.score(pick)).isCloseTo(ranker.score(pick), org.assertj.core.data.Offset.offset(1e-6))
        .isCloseTo(1 / (1 + Math.exp(-2)), org.assertj.core.data.Offset.offset(1e-6));
    assertThat(read.score(other)).isLessThan(read.threshold()).isLessThan(read.score(pick));
  }

  @Test
  void aFeatureTheCodeNoLongerComputesIsIgnoredAndOneTheFileLacksWeighsNothing() throws IOException {
    // given
    String model = "# old model\nthreshold\t0.5\nweight\tbias\t1.0\nweight\tfeature.gone\t9.0\n";
    // when
    LinkRanker read = LinkRanker.read(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)));
    // then
    assertThat(read.score(features("bias", "rule.pick"))).isEqualTo(read.score(features("bias")));
  }

  @Test
  void aModelWithoutAThresholdIsRefused() {
    String model = "weight\tbias\t1.0\n";
    assertThatThrownBy(() -> LinkRanker.read(new ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class).hasMessageContaining("threshold");
  }

  private static double[] features(String... names) {
    double[] x = new double[LinkFeatures.NAMES.size()];
    for (String n : names) {
      x[LinkFeatures.NAMES.indexOf(n)] = 1;
    }
    return x;
  }
}

package io.newsflow.nlp.entities.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class NerModelTest {

  private static final int L = NerLabels.COUNT;

  @Test
  void writtenWeightsReadBackQuantisedAndPruned() throws IOException {
    int bits = 10;
    float[] weights = new float[(1 << bits) * L];
    weights[5 * L + 1] = 4.0f;
    weights[5 * L + 2] = -2.0f;
    weights[7 * L] = 0.00001f; // pruned
    float[] transitions = new float[(L + 1) * L];
    transitions[3] = -1.5f;
    LongIntTable clusters = new LongIntTable(2);
    clusters.put(NerDocument.wordKey("monday"), 0b1101);
    LongIntTable names = new LongIntTable(2);
    names.put(NerDocument.nameKey("New York"), NerDocument.GAZ_CITY | NerDocument.GAZ_LOCATION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int kept = NerModel.write(out, "test model", bits, weights, transitions, clusters, names, 0.001f);
    NerModel model = NerModel.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(kept).isEqualTo(2);
    assertThat(model.provenance()).isEqualTo("test model");
    assertThat(model.transitions()[3]).isEqualTo(-1.5f);
    assertThat(model.clusters().get(NerDocument.wordKey("Monday"), 0)).isEqualTo(0b1101);
    assertThat(model.names().get(NerDocument.nameKey("NEW YORK"), 0))
        .isEqualTo(NerDocument.GAZ_CITY | NerDocument.GAZ_LOCATION);
    float[] emission = new float[L];
    model.score(new int[] {5, 5 + (1 << bits)}, 0, 2, emission, 0); // the same bucket twice (hash masked)
    assertThat(emission[1]).isCloseTo(8.0f, org.assertj.core.data.Offset.offset(0.01f));
    assertThat(emission[2]).isCloseTo(-4.0f, org.assertj.core.data.Offset.offset(0.01f));
    assertThat(emission[0]).isZero();
  }

  @Test
  void refusesAnotherFormat() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeUTF("something-else/1");
    }
    assertThatThrownBy(() -> NerModel.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class).hasMessageContaining("newsflow-ner/1");
  }
}

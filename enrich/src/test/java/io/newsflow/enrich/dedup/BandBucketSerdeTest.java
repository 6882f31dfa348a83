package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BandBucketSerdeTest {

  private final BandBucketSerde serde = new BandBucketSerde();

  @Test
  void readsBackWhatItWrote() {
    // given a bucket with an original and a copy in the original's cluster
    BandBucket bucket = new BandBucket(List.of(
        new BandEntry("urn:agency:flood", "agency", "urn:agency:flood", new byte[] {1, -2, 3}, 1_000L),
        new BandEntry("urn:paper:floods", "paper", "urn:agency:flood", new byte[] {1, -2, 4}, 2_000L)));

    // when written and read
    BandBucket read = serde.decode(serde.encode(bucket));

    // then entries, clusters and signatures survive
    assertThat(read.entries()).hasSize(2);
    assertThat(read.entries().get(1).cluster()).isEqualTo("urn:agency:flood");
    assertThat(read.entries().get(0).cluster()).isEqualTo("urn:agency:flood");
    assertThat(read.entries().get(1).signature()).containsExactly(1, -2, 4);
    assertThat(read.entries().get(1).seenAt()).isEqualTo(2_000L);
  }

  @Test
  void rejectsBytesOfAnotherFormat() {
    assertThatThrownBy(() -> serde.decode(new byte[] {9, 0, 0})).isInstanceOf(SerializationException.class);
  }
}

package io.newsflow.sink.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class SettledOffsetsTest {

  static final TopicPartition P0 = new TopicPartition("news.alerts", 0);
  static final TopicPartition P1 = new TopicPartition("news.alerts", 1);

  final SettledOffsets offsets = new SettledOffsets();

  @Test
  void commitsNothingWhileTheFirstAlertIsPending() {
    // given
    offsets.handedOver(P0, 10);
    offsets.handedOver(P0, 11);

    // when
    offsets.settled(P0, 11);

    // then: 10 is still being delivered
    assertThat(offsets.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(10)));
    assertThat(offsets.pending()).isEqualTo(1);
  }

  @Test
  void commitsUpToTheOldestPendingAlertWhenAlertsSettleOutOfOrder() {
    // given
    for (long o = 0; o < 5; o++) {
      offsets.handedOver(P0, o);
    }

    // when: 0, 1 and 3 settle; 2 and 4 are retried
    offsets.settled(P0, 3);
    offsets.settled(P0, 0);
    offsets.settled(P0, 1);

    // then
    assertThat(offsets.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));

    // and when the rest settle, past the last one handed over
    offsets.settled(P0, 4);
    offsets.settled(P0, 2);
    assertThat(offsets.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(5)));
    assertThat(offsets.pending()).isZero();
  }

  @Test
  void keepsPartitionsApartAndDoesNotCommitAPositionTwice() {
    // given
    offsets.handedOver(P0, 7);
    offsets.handedOver(P1, 3);
    offsets.settled(P1, 3);
    Map<TopicPartition, OffsetAndMetadata> first = offsets.committable();
    assertThat(first).containsOnly(Map.entry(P0, new OffsetAndMetadata(7)), Map.entry(P1, new OffsetAndMetadata(4)));

    // when
    offsets.committed(first);

    // then
    assertThat(offsets.committable()).isEmpty();
    offsets.settled(P0, 7);
    assertThat(offsets.committable()).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
  }

  @Test
  void ignoresSettlementsOfARevokedPartition() {
    // given
    offsets.handedOver(P0, 1);
    offsets.forget(List.of(P0));

    // when
    offsets.settled(P0, 1);

    // then
    assertThat(offsets.committable()).isEmpty();
    assertThat(offsets.pending()).isZero();
  }
}

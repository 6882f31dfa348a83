package io.newsflow.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void nearestRankOfOneToHundredIsTheValueAtThatRank() {
    // given the values 1..100
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    // when percentiles are taken
    // then the p-th percentile is p itself
    assertThat(LatencySummary.nearestRank(values, 50)).isEqualTo(50);
    assertThat(LatencySummary.nearestRank(values, 95)).isEqualTo(95);
    assertThat(LatencySummary.nearestRank(values, 99)).isEqualTo(99);
    assertThat(LatencySummary.nearestRank(values, 100)).isEqualTo(100);
  }

  @Test
  void nearestRankRoundsTheRankUp() {
    // given five values
    long[] values = {10, 20, 30, 40, 50};

    // when the 99th and 50th percentiles are taken
    // then the rank is ceil(p * n): 5 and 3
    assertThat(LatencySummary.nearestRank(values, 99)).isEqualTo(50);
    assertThat(LatencySummary.nearestRank(values, 50)).isEqualTo(30);
    assertThat(LatencySummary.nearestRank(values, 1)).isEqualTo(10);
  }

  @Test
  void summarySortsNanosAndReportsMillis() {
    // given latencies of 5, 1, 3, 2 and 4 ms in arrival order
    long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};

    // when summarised
    LatencySummary summary = LatencySummary.ofNanos(nanos);

    // then the figures are of the sorted values, in milliseconds
    assertThat(summary.count()).isEqualTo(5);
    assertThat(summary.p50Millis()).isEqualTo(3.0);
    assertThat(summary.p95Millis()).isEqualTo(5.0);
    assertThat(summary.maxMillis()).isEqualTo(5.0);
    assertThat(summary.meanMillis()).isEqualTo(3.0);
    assertThat(nanos[0]).as("input left unsorted").isEqualTo(5_000_000);
  }

  @Test
  void emptyLatenciesAreNotANumber() {
    // given nothing measured
    // when summarised
    LatencySummary summary = LatencySummary.ofNanos(new long[0]);

    // then no figure pretends to be a measurement
    assertThat(summary.count()).isZero();
    assertThat(summary.p99Millis()).isNaN();
  }

  @Test
  void percentileOutsideRangeIsRefused() {
    assertThatThrownBy(() -> LatencySummary.nearestRank(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package io.newsflow.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void percentilesOfOneToHundredAreThoseValues() {
    // given the values 1..100
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    // when percentiles are taken (small integers are exact at three significant digits)
    Histogram h = LatencySummary.histogram(values);

    // then the p-th percentile is p itself
    assertThat(h.getValueAtPercentile(50)).isEqualTo(50);
    assertThat(h.getValueAtPercentile(95)).isEqualTo(95);
    assertThat(h.getValueAtPercentile(99)).isEqualTo(99);
    assertThat(h.getMaxValue()).isEqualTo(100);
  }

  @Test
  void summarySortsNanosAndReportsMillis() {
    // given latencies of 5, 1, 3, 2 and 4 ms in arrival order
    long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};

    // when summarised
    LatencySummary summary = LatencySummary.ofNanos(nanos);

    // then the figures are of the sorted values, in milliseconds
    assertThat(summary.count()).isEqualTo(5);
    assertThat(summary.p50Millis()).isCloseTo(3.0, withinPercentage(0.1));
    assertThat(summary.p95Millis()).isCloseTo(5.0, withinPercentage(0.1));
    assertThat(summary.maxMillis()).isCloseTo(5.0, withinPercentage(0.1));
    assertThat(summary.meanMillis()).isCloseTo(3.0, withinPercentage(0.1));
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
}

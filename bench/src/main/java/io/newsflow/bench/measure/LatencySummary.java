package io.newsflow.bench.measure;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of latencies, from an HdrHistogram with three significant digits: every figure is within
 * 0.1 % of a measured value. The one place the benchmarks take percentiles.
 */
public record LatencySummary(int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
                             double meanMillis) {

  /** Significant decimal digits the histograms keep. */
  public static final int DIGITS = 3;

  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    Histogram h = histogram(nanos);
    return new LatencySummary((int) h.getTotalCount(), millis(h.getValueAtPercentile(50)),
        millis(h.getValueAtPercentile(95)), millis(h.getValueAtPercentile(99)), millis(h.getMaxValue()),
        h.getMean() / 1e6);
  }

  /** A histogram of non-negative values in any unit (negative ones, from a clock step, count as 0). */
  public static Histogram histogram(long[] values) {
    Histogram h = new Histogram(DIGITS);
    for (long v : values) {
      h.recordValue(Math.max(0, v));
    }
    return h;
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}

package io.newsflow.bench.measure;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, nearest-rank: the p-th percentile is the smallest value with at least p% of
 * the values at or below it, so every reported figure is one that was measured.
 */
public record LatencySummary(int count, double p50Millis, double p95Millis, double p99Millis, double maxMillis,
                             double meanMillis) {

  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new LatencySummary(sorted.length, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 95)),
        millis(nearestRank(sorted, 99)), millis(sorted[sorted.length - 1]), sum / sorted.length / 1e6);
  }

  /** The nearest-rank percentile of ascending values: the value at rank ceil(p/100 * n), ranks counted from 1. */
  public static long nearestRank(long[] ascending, double percentile) {
    if (ascending.length == 0 || percentile <= 0 || percentile > 100) {
      throw new IllegalArgumentException("need values and a percentile in (0, 100]");
    }
    int rank = (int) Math.ceil(percentile / 100.0 * ascending.length);
    return ascending[Math.max(rank, 1) - 1];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}

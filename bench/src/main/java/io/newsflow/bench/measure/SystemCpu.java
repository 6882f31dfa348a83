package io.newsflow.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine was over an interval, from the first line of {@code /proc/stat}: on a shared machine
 * the other processes' load is the first thing to read before trusting a latency.
 */
public final class SystemCpu {

  private final long busy0;
  private final long total0;
  private final long process0;
  private final long wall0;

  private SystemCpu(long[] sample) {
    busy0 = sample[0];
    total0 = sample[1];
    process0 = CpuClock.processNanos();
    wall0 = System.nanoTime();
  }

  public static SystemCpu start() {
    return new SystemCpu(sample());
  }

  /**
   * Machine load over the interval.
   *
   * @param machineBusyCores cores busy on the whole machine (all processes), on average
   * @param thisProcessCores cores this JVM used, on average
   * @param otherCores       cores the rest of the machine used: what this run competed with
   */
  public record Load(double machineBusyCores, double thisProcessCores, double otherCores) {}

  public Load stop() {
    long[] now = sample();
    int cores = Runtime.getRuntime().availableProcessors();
    double wallSeconds = (System.nanoTime() - wall0) / 1e9;
    double total = now[1] - total0;
    double machine = total <= 0 || busy0 < 0 ? Double.NaN : (now[0] - busy0) / total * cores;
    double process = wallSeconds <= 0 ? Double.NaN : (CpuClock.processNanos() - process0) / 1e9 / wallSeconds;
    return new Load(round(machine), round(process), round(Math.max(0, machine - process)));
  }

  /** Busy and total jiffies over all CPUs; -1s when /proc/stat cannot be read. */
  private static long[] sample() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}

package io.newsflow.bench.enrich;

import io.newsflow.bench.measure.CpuClock;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Runs one step over the inputs: warm-up calls (cycling through the inputs) until the JIT has compiled the hot
 * paths, then one measured call per input on this thread, timed by the thread's CPU clock and by the process's.
 *
 * <p>Warm-up is at least {@code minWarmup} calls, then rounds of {@link #ROUND} calls until {@link #QUIET_ROUNDS}
 * rounds in a row each spent under {@link #QUIET_JIT_MILLIS} in the compiler (C2 compiles in bursts: one quiet
 * round proved nothing); a service reaches that state minutes after start and stays there. At most
 * {@code 20 × minWarmup} calls. The JIT and GC milliseconds that still fall into the measured window are
 * reported beside the figures, not removed from them.
 */
final class StepMeter {

  static final int ROUND = 100;
  static final int QUIET_ROUNDS = 3;
  static final long QUIET_JIT_MILLIS = 10;

  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final int minWarmup;
  /** Folds every result in so the JIT cannot drop a call whose result is unused. */
  private long sink;

  StepMeter(int minWarmup) {
    this.minWarmup = minWarmup;
  }

  <T> StepResult measure(String step, List<T> inputs, ToIntFunction<T> op, String note) {
    int calls = 0;
    for (; calls < minWarmup; calls++) {
      sink += op.applyAsInt(inputs.get(calls % inputs.size()));
    }
    long maxCalls = 20L * Math.max(minWarmup, ROUND);
    int quiet = 0;
    while (calls < maxCalls && quiet < QUIET_ROUNDS) {
      long jit0 = jitMillis();
      for (int i = 0; i < ROUND; i++, calls++) {
        sink += op.applyAsInt(inputs.get(calls % inputs.size()));
      }
      quiet = jitMillis() - jit0 < QUIET_JIT_MILLIS ? quiet + 1 : 0;
    }
    long jit0 = jitMillis();
    long gc0 = gcMillis();
    long wall0 = System.nanoTime();
    long process0 = CpuClock.processNanos();
    long thread0 = CpuClock.threadNanos();
    for (T input : inputs) {
      sink += op.applyAsInt(input);
    }
    long thread = CpuClock.threadNanos() - thread0;
    long process = CpuClock.processNanos() - process0;
    long wall = System.nanoTime() - wall0;
    long gc = gcMillis() - gc0;
    long jit = jitMillis() - jit0;
    int n = inputs.size();
    return new StepResult(step, true, n, calls, thread / 1e9, process / 1e9, wall / 1e9,
        perSecond(n, thread), perSecond(n, process), round(thread / 1e6 / n), round(process / 1e6 / n),
        jit, gc, note);
  }

  /** Accumulated compilation time of the JIT's threads, in milliseconds (0 when the JVM does not count it). */
  static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
  }

  /** Accumulated collection time of all collectors, in milliseconds (pauses; concurrent phases where counted). */
  static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** Articles per CPU-second; NaN when the clock did not tick (process CPU time advances in scheduler ticks). */
  private static double perSecond(int articles, long nanos) {
    return nanos <= 0 ? Double.NaN : round(articles / (nanos / 1e9));
  }

  long sink() {
    return sink;
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}

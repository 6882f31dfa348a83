package io.newsflow.bench.enrich;

import io.newsflow.bench.measure.CpuClock;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Runs one step over the inputs: first warm-up calls (cycling through the inputs) so the JIT has compiled the hot
 * paths, then one measured call per input on this thread, timed by the thread's CPU clock.
 */
final class StepMeter {

  private final int warmup;
  /** Folds every result in so the JIT cannot drop a call whose result is unused. */
  private long sink;

  StepMeter(int warmup) {
    this.warmup = warmup;
  }

  <T> StepResult measure(String step, List<T> inputs, ToIntFunction<T> op, String note) {
    for (int i = 0; i < warmup; i++) {
      sink += op.applyAsInt(inputs.get(i % inputs.size()));
    }
    long wall0 = System.nanoTime();
    long process0 = CpuClock.processNanos();
    long thread0 = CpuClock.threadNanos();
    for (T input : inputs) {
      sink += op.applyAsInt(input);
    }
    long thread = CpuClock.threadNanos() - thread0;
    long process = CpuClock.processNanos() - process0;
    long wall = System.nanoTime() - wall0;
    int n = inputs.size();
    return new StepResult(step, true, n, thread / 1e9, process / 1e9, wall / 1e9,
        perSecond(n, thread), perSecond(n, process), round(thread / 1e6 / n), note);
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

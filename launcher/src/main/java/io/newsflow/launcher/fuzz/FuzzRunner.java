package io.newsflow.launcher.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * Pushes generated inputs through a {@link FuzzTarget} one at a time on a worker thread, with a time limit per
 * input (a hang is abandoned and the worker replaced) and a watch on the heap.
 */
public final class FuzzRunner {

  private static final int MAX_EXAMPLES = 10;

  private final FuzzTarget target;
  private final Duration timeLimit;
  private final int maxHangs;

  /** {@code maxHangs}: the run stops after this many hangs, as each leaves a busy thread behind. */
  public FuzzRunner(FuzzTarget target, Duration timeLimit, int maxHangs) {
    this.target = target;
    this.timeLimit = timeLimit;
    this.maxHangs = maxHangs;
  }

  public FuzzReport run(InputGenerator generator, long seed, long iterations, LongConsumer progress) {
    long started = System.nanoTime();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    long peak = baseline;
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    Map<String, Map<Outcome, Long>> byKind = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    ExecutorService worker = newWorker();
    long done = 0;
    try {
      for (long i = 0; i < iterations && outcomes.getOrDefault(Outcome.HUNG, 0L) < maxHangs; i++) {
        FuzzInput input = generator.generate(i);
        Future<Outcome> result = worker.submit(() -> target.run(input));
        Outcome outcome;
        String finding = null;
        try {
          outcome = result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
          if (outcome == Outcome.UNSAFE) {
            finding = "external content reached the article";
          }
        } catch (ExecutionException e) {
          outcome = Outcome.CRASHED;
          finding = e.getCause().toString() + at(e.getCause());
        } catch (TimeoutException e) {
          outcome = Outcome.HUNG;
          finding = "no result within " + timeLimit.toMillis() + " ms";
          result.cancel(true);
          worker.shutdownNow();
          worker = newWorker();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        outcomes.merge(outcome, 1L, Long::sum);
        byKind.computeIfAbsent(input.kind(), k -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
        if (finding != null && examples.size() < MAX_EXAMPLES) {
          examples.add(outcome + " " + input.describe() + ": " + finding);
        }
        if (i % 256 == 0) {
          peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
        done = i + 1;
        if (done % 10_000 == 0) {
          progress.accept(done);
        }
      }
    } finally {
      worker.shutdownNow();
    }
    System.gc();
    long growth = memory.getHeapMemoryUsage().getUsed() - baseline;
    return new FuzzReport(seed, done, outcomes, byKind, examples, peak >> 20, growth >> 20,
        (System.nanoTime() - started) / 1_000_000_000L);
  }

  private static String at(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? "" : " at " + trace[0];
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
  }
}

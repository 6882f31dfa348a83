package io.newsflow.launcher.fuzz;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The result of a fuzz run.
 *
 * @param seed        the run's seed (with an example's iteration, it regenerates the input)
 * @param iterations  inputs pushed through
 * @param outcomes    inputs by outcome
 * @param byKind      outcomes by input generator
 * @param examples    the first findings (crashes, hangs, unsafe), with the input and the error
 * @param peakHeapMb  highest heap use seen
 * @param heapGrowthMb heap in use after a full GC at the end minus at the start
 * @param seconds     wall-clock duration of the run
 */
public record FuzzReport(long seed, long iterations, Map<Outcome, Long> outcomes, Map<String, Map<Outcome, Long>> byKind,
                         List<String> examples, long peakHeapMb, long heapGrowthMb, long seconds) {

  public long count(Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** No crash, no hang, nothing unsafe. */
  public boolean passed() {
    return outcomes.entrySet().stream().noneMatch(e -> e.getKey().failure() && e.getValue() > 0);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("fuzz seed %d: %d inputs in %d s%n", seed, iterations, seconds));
    for (Outcome o : Outcome.values()) {
      out.append(String.format("  %-9s %8d%n", o.name().toLowerCase(java.util.Locale.ROOT), count(o)));
    }
    out.append("by input kind:\n");
    byKind.forEach((kind, counts) -> out.append(String.format("  %-18s %s%n", kind, counts.entrySet().stream()
        .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + "=" + e.getValue())
        .collect(Collectors.joining(" ")))));
    out.append(String.format("heap: peak %d MB, growth after GC %d MB%n", peakHeapMb, heapGrowthMb));
    examples.forEach(e -> out.append("  finding: ").append(e).append('\n'));
    out.append(passed() ? "PASSED: no crash, hang or unsafe acceptance\n" : "FAILED: see findings above\n");
    return out.toString();
  }
}

package io.newsflow.bench.enrich;

import io.newsflow.bench.measure.Machine;
import io.newsflow.bench.measure.MemoryFigures;
import io.newsflow.bench.measure.SystemCpu;
import java.util.List;

/**
 * The JSON written by {@code bench enrich --out}. The headline is on process CPU (GC and JIT of the measured
 * window included), as the targets are; the thread-CPU figures (the enrichment's own work) stand beside it.
 */
record EnrichBenchResult(String benchmark, String startedAt, String commandLine,
                         double newsflowArticlesPerProcessCpuSecond, double corenlpArticlesPerProcessCpuSecond,
                         double processRatio,
                         double newsflowArticlesPerCpuSecond, double corenlpArticlesPerCpuSecond, double ratio,
                         Targets targets, Wiring wiring, long seed, int warmupCalls, CorpusStats corpus,
                         OutputStats newsflowOutput, List<StepResult> steps, StepResult corenlp,
                         double newsflowLoadSeconds, double corenlpLoadSeconds,
                         MemoryFigures newsflowMemory, MemoryFigures corenlpMemory, Machine machine, double loadAverageAtEnd,
                         SystemCpu.Load machineLoad,
                         List<String> notes, long checksum) {

  /** The entity issue's targets, both on process CPU. */
  record Targets(double articlesPerProcessCpuSecond, double processRatioToCorenlp, boolean articlesPerProcessCpuSecondMet,
                 Boolean processRatioMet) {}

  /** Which implementation each step ran: the figures mean little without it. */
  record Wiring(String languageIdentifier, String entityTagger, String stanceTagger, String fingerprinting) {}
}

package io.newsflow.bench.enrich;

import io.newsflow.bench.measure.Machine;
import io.newsflow.bench.measure.MemoryFigures;
import io.newsflow.bench.measure.SystemCpu;
import java.util.List;

/** The JSON written by {@code bench enrich --out}. */
record EnrichBenchResult(String benchmark, String startedAt, String commandLine,
                         double newsflowArticlesPerCpuSecond, double corenlpArticlesPerCpuSecond, double ratio,
                         Targets targets, Wiring wiring, long seed, int warmupCalls, CorpusStats corpus,
                         OutputStats newsflowOutput, List<StepResult> steps, StepResult corenlp,
                         double newsflowLoadSeconds, double corenlpLoadSeconds,
                         MemoryFigures newsflowMemory, MemoryFigures corenlpMemory, Machine machine, double loadAverageAtEnd,
                         SystemCpu.Load machineLoad,
                         List<String> notes, long checksum) {

  record Targets(double articlesPerCpuSecond, double ratioToCorenlp, boolean articlesPerCpuSecondMet, Boolean ratioMet) {}

  /** Which implementation each step ran: the figures mean little without it. */
  record Wiring(String languageIdentifier, String entityTagger, String stanceTagger, String fingerprinting) {}
}

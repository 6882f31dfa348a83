package io.newsflow.bench.pipeline;

import io.newsflow.bench.measure.Machine;
import java.util.List;

/** The JSON written by {@code bench pipeline --out}. */
record PipelineBenchResult(String benchmark, String startedAt, String commandLine, String deployment,
                           double sustainedArticlesPerSecond, double p99PostToIndexMillisAtRate,
                           double cpuSecondsPerArticleAtRate, Targets targets, String postToAlert,
                           List<PhaseResult> phases, double pipelineStartSeconds, long retainedHeapBytesAfterStart,
                           long peakRssBytes, Machine machine, double loadAverageAtEnd,
                           List<String> notes) {

  record Targets(double rate, double p99PostToIndexMillis, boolean met) {}
}

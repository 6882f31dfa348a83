package io.newsflow.bench.enrich;

/**
 * What one step cost over the measured articles (after warm-up).
 *
 * @param warmupCalls                 calls before the measured window (until the JIT was quiet, see {@link StepMeter})
 * @param articlesPerCpuSecond        articles / CPU seconds of the measuring thread
 * @param articlesPerProcessCpuSecond articles / CPU seconds of the whole JVM in the same interval (GC, JIT and
 *                                    any helper threads included; other threads of this bench are idle)
 * @param jitMillis                   compilation time that still fell into the measured window
 * @param gcMillis                    collection time in the measured window
 * @param note                        why a step was not measured, or what it ran
 */
public record StepResult(String step, boolean measured, int articles, int warmupCalls, double threadCpuSeconds,
                         double processCpuSeconds, double wallSeconds, double articlesPerCpuSecond,
                         double articlesPerProcessCpuSecond, double cpuMillisPerArticle,
                         double processCpuMillisPerArticle, long jitMillis, long gcMillis, String note) {

  public static StepResult skipped(String step, String note) {
    return new StepResult(step, false, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, note);
  }
}

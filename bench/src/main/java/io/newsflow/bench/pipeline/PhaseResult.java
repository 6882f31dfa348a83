package io.newsflow.bench.pipeline;

import io.newsflow.bench.measure.HeapWatch;
import io.newsflow.bench.measure.LatencySummary;
import io.newsflow.bench.measure.SystemCpu;

/**
 * One phase of a pipeline run.
 *
 * @param answers                    how many POSTs got each HTTP status ("-1": no answer, e.g. a timeout)
 * @param lost                       accepted (202) but neither on news.index nor recorded on news.duplicates by
 *                                   the end of the phase's drain
 * @param recordedDuplicates         accepted, not indexed, and recorded on news.duplicates (the corpus holds the
 *                                   same text under two ids: enrich indexes the first and records the other)
 * @param duplicated                 accepted stories whose document arrived on news.index more than once
 * @param offeredArticlesPerSecond   the posting schedule's rate; 0 for "as fast as it goes"
 * @param sustainedArticlesPerSecond articles indexed / seconds from the first POST to the last index document
 * @param postToIndex                latency from sending the POST to the document arriving on news.index
 * @param postAnswer                 latency from sending the POST to ingest's answer (Kafka acknowledged)
 * @param cpuSecondsPerArticle       process CPU over the phase / articles indexed (every service, the broker and
 *                                   the bench's own client threads share this JVM)
 * @param machineLoad                how busy the whole machine was meanwhile, other processes included
 */
record PhaseResult(String phase, int posted, int rejected, java.util.Map<String, Integer> answers, int indexed,
                   int lost, int recordedDuplicates, int duplicated, double offeredArticlesPerSecond,
                   double sustainedArticlesPerSecond, LatencySummary postToIndex, LatencySummary postAnswer,
                   double wallSeconds, double processCpuSeconds, double cpuSecondsPerArticle,
                   double meanCpuCoresBusy, SystemCpu.Load machineLoad, HeapWatch.HeapFigures heap,
                   long peakRssBytes) {}

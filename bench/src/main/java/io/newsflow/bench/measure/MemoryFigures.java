package io.newsflow.bench.measure;

/**
 * Memory of one phase of a run.
 *
 * @param retainedHeapBytes   heap in use after a full GC once the phase's models were loaded (their footprint, plus
 *                            whatever earlier phases of the same JVM retain)
 * @param heap                heap peaks during the phase
 * @param peakRssBytes        VmHWM at the end of the phase (since the phase began when {@code rssPeakWasReset})
 * @param rssPeakWasReset     whether the kernel let the bench reset VmHWM at the phase start
 */
public record MemoryFigures(long retainedHeapBytes, HeapWatch.HeapFigures heap, long peakRssBytes,
                           boolean rssPeakWasReset) {}

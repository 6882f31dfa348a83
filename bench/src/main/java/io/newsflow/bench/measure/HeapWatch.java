package io.newsflow.bench.measure;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap use over a phase of a run: the pools' peak usage (an upper bound: pools peak at different moments), the
 * largest heap seen just before a collection and the largest seen just after one (the live set), from GC notifications.
 */
public final class HeapWatch implements AutoCloseable {

  private final AtomicLong maxBeforeGc = new AtomicLong();
  private final AtomicLong maxAfterGc = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = (notification, handback) -> {
    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      maxBeforeGc.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc().values()), Math::max);
      maxAfterGc.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc().values()), Math::max);
      collections.incrementAndGet();
    }
  };

  /** What the heap did in a phase. */
  public record HeapFigures(long poolPeakBytes, long maxBeforeGcBytes, long maxLiveAfterGcBytes, long collections) {}

  public HeapWatch() {
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
  }

  /** Starts a new phase: peaks and maxima from now on. */
  public void reset() {
    ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .forEach(MemoryPoolMXBean::resetPeakUsage);
    maxBeforeGc.set(0);
    maxAfterGc.set(0);
    collections.set(0);
  }

  public HeapFigures figures() {
    long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new HeapFigures(poolPeaks, maxBeforeGc.get(), maxAfterGc.get(), collections.get());
  }

  /** Heap in use after a full collection: what the loaded models and caches retain. */
  public static long retainedAfterFullGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long heapOf(java.util.Collection<MemoryUsage> usages) {
    // the GC info lists every pool it manages, all of them heap pools for the collectors HotSpot ships
    return usages.stream().mapToLong(MemoryUsage::getUsed).sum();
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (javax.management.ListenerNotFoundException e) {
        // already gone
      }
    }
  }
}

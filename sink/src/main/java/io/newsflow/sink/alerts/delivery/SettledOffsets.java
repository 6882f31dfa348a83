package io.newsflow.sink.alerts.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of {@code news.alerts} the webhook delivery may commit: per partition, everything below the
 * oldest alert still pending (handed over, neither delivered nor dead-lettered yet). Alerts settle out of
 * order (a failing webhook retries while others succeed), so the committed position waits for the oldest.
 * Thread-safe: the consumer thread hands alerts over, HTTP and retry threads settle them.
 */
final class SettledOffsets {

  private static final class Partition {
    final TreeSet<Long> pending = new TreeSet<>();
    long next = -1;
    long committed = -1;
  }

  private final Map<TopicPartition, Partition> partitions = new HashMap<>();

  /** The record at {@code offset} was handed to delivery. */
  synchronized void handedOver(TopicPartition partition, long offset) {
    Partition p = partitions.computeIfAbsent(partition, k -> new Partition());
    p.pending.add(offset);
    p.next = Math.max(p.next, offset + 1);
  }

  /** The record at {@code offset} was delivered, dead-lettered, or needed no delivery. */
  synchronized void settled(TopicPartition partition, long offset) {
    Partition p = partitions.get(partition);
    // a partition revoked meanwhile: its new owner delivers the alert again, and commits for it
    if (p != null) {
      p.pending.remove(offset);
    }
  }

  /** Positions to commit: per partition the oldest pending offset, else the next after the last handed over. */
  synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    partitions.forEach((tp, p) -> {
      long position = p.pending.isEmpty() ? p.next : p.pending.first();
      if (position > p.committed) {
        out.put(tp, new OffsetAndMetadata(position));
      }
    });
    return out;
  }

  /** Records that these positions are committed, so they are not committed again. */
  synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((tp, o) -> {
      Partition p = partitions.get(tp);
      if (p != null) {
        p.committed = Math.max(p.committed, o.offset());
      }
    });
  }

  /** Forgets partitions this consumer no longer owns. */
  synchronized void forget(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** Alerts handed over and not settled yet. */
  synchronized int pending() {
    return partitions.values().stream().mapToInt(p -> p.pending.size()).sum();
  }
}

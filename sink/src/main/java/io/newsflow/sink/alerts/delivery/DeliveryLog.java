package io.newsflow.sink.alerts.delivery;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last deliveries per subscription, newest first, for {@code GET /v1/subscriptions/{id}/deliveries}. */
public final class DeliveryLog {

  /** Outcome of one attempt to deliver one alert. */
  public enum Outcome { DELIVERED, RETRYING, DEAD_LETTERED }

  /**
   * One attempt.
   *
   * @param httpStatus status the receiver answered, or 0 when it could not be reached
   * @param error      why it failed, or null
   * @param latencyMs  time the attempt took
   */
  public record Entry(String alertId, String storyId, long version, int attempt, Outcome outcome, int httpStatus,
                      String error, Instant at, long latencyMs) {}

  private final int capacity;
  private final Map<String, Deque<Entry>> bySubscription = new ConcurrentHashMap<>();

  public DeliveryLog(int capacity) {
    this.capacity = capacity;
  }

  public void add(String subscriptionId, Entry entry) {
    Deque<Entry> entries = bySubscription.computeIfAbsent(subscriptionId, k -> new ArrayDeque<>());
    synchronized (entries) {
      entries.addFirst(entry);
      while (entries.size() > capacity) {
        entries.removeLast();
      }
    }
  }

  public List<Entry> recent(String subscriptionId) {
    Deque<Entry> entries = bySubscription.get(subscriptionId);
    if (entries == null) {
      return List.of();
    }
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  public void forget(String subscriptionId) {
    bySubscription.remove(subscriptionId);
  }
}

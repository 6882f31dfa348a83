package io.newsflow.sink.alerts.matching;

import io.newsflow.sink.alerts.subscriptions.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every live subscription of the process, with an inverted index from {@link IndexKeys} to subscription ids.
 * Kept in step with the global {@code subscriptions} store by its update processor; read by the stream
 * threads (matching), the webhook delivery and the API. Thread-safe.
 */
public final class SubscriptionIndex {

  private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

  /** Adds or replaces a subscription. */
  public synchronized void put(Subscription subscription) {
    remove(subscription.id());
    byId.put(subscription.id(), subscription);
    for (String key : IndexKeys.of(subscription)) {
      idsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscription.id());
    }
    CompletableFuture<Void> waiting = awaited.remove(subscription.id());
    if (waiting != null) {
      waiting.complete(null);
    }
  }

  public synchronized void remove(String id) {
    Subscription old = byId.remove(id);
    if (old == null) {
      return;
    }
    for (String key : IndexKeys.of(old)) {
      Set<String> ids = idsByKey.get(key);
      if (ids != null) {
        ids.remove(id);
        if (ids.isEmpty()) {
          idsByKey.remove(key);
        }
      }
    }
  }

  public Optional<Subscription> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public int size() {
    return byId.size();
  }

  /** The subscriptions that share an index key with the story: the only ones that can match it. */
  public List<Subscription> candidates(StoryFacts story) {
    Set<String> ids = new LinkedHashSet<>();
    for (String key : story.indexKeys()) {
      Set<String> filed = idsByKey.get(key);
      if (filed != null) {
        ids.addAll(filed);
      }
    }
    List<Subscription> found = new ArrayList<>(ids.size());
    for (String id : ids) {
      Subscription s = byId.get(id);
      if (s != null) {
        found.add(s);
      }
    }
    return found;
  }

  public List<Subscription> ownedBy(String owner) {
    return byId.values().stream().filter(s -> owner.equals(s.owner()))
        .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id)).toList();
  }

  /**
   * Waits until the subscription is in the index (it went through Kafka and the global store), so a client
   * that created one can rely on it matching the next story. False when it did not arrive in time.
   */
  public boolean awaitPresent(String id, Duration timeout) throws InterruptedException {
    CompletableFuture<Void> arrival;
    synchronized (this) {
      if (byId.containsKey(id)) {
        return true;
      }
      arrival = awaited.computeIfAbsent(id, k -> new CompletableFuture<>());
    }
    try {
      arrival.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      awaited.remove(id, arrival);
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  /** Waits until the subscription left the index. */
  public boolean awaitAbsent(String id, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (byId.containsKey(id)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}

package io.newsflow.sink.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans alerts out to the connected live-stream clients. Each client has a bounded queue; a client too slow to
 * keep up loses alerts (counted) rather than slowing the others or the service.
 */
public final class AlertBroadcaster {

  /**
   * One connected client; {@code subscriptionId} null means every alert. {@code wakeUp} runs after an alert was
   * queued for it, so the stream can write without a thread waiting on the queue.
   */
  public record Client(String subscriptionId, BlockingQueue<String> queue, Runnable wakeUp) {}

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final int maxClients;
  private final int queueSize;
  private final Counter dropped;
  private volatile boolean closed;

  public AlertBroadcaster(int maxClients, int queueSize, MeterRegistry metrics) {
    this.maxClients = maxClients;
    this.queueSize = queueSize;
    this.dropped = metrics.counter("sink.alert.stream.dropped");
    metrics.gaugeCollectionSize("sink.alert.stream.clients", java.util.List.of(), clients);
  }

  /** A new client, or null when the limit of clients is reached. */
  public synchronized Client connect(String subscriptionId) {
    return connect(subscriptionId, () -> { });
  }

  /** A new client woken after each alert queued for it, or null when the limit of clients is reached. */
  public synchronized Client connect(String subscriptionId, Runnable wakeUp) {
    if (closed || clients.size() >= maxClients) {
      return null;
    }
    Client client = new Client(subscriptionId, new ArrayBlockingQueue<>(queueSize), wakeUp);
    clients.add(client);
    return client;
  }

  public void disconnect(Client client) {
    clients.remove(client);
  }

  public void publish(String subscriptionId, String alertJson) {
    for (Client c : clients) {
      if (c.subscriptionId() == null || c.subscriptionId().equals(subscriptionId)) {
        if (!c.queue().offer(alertJson)) {
          dropped.increment();
        }
        c.wakeUp().run();
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  public int clients() {
    return clients.size();
  }

  public void close() {
    closed = true;
  }
}

package io.newsflow.sink.http;

import io.newsflow.platform.http.EventStream;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import io.newsflow.sink.alerts.delivery.AlertBroadcaster;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/alerts/stream}: alerts as server-sent events ({@code event: alert}, {@code id: <alertId>},
 * {@code data: <alert JSON>}) as they are committed to {@code news.alerts}, with a comment line as keep-alive.
 * {@code ?subscription=<id>} narrows the stream to one of the caller's subscriptions. Open streams hold no
 * thread: one writer thread drains a client's queue when alerts arrive for it.
 */
public final class AlertStreamApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertStreamApi.class);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final AlertBroadcaster broadcaster;
  private final SubscriptionIndex subscriptions;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alert-stream-writer");
    t.setDaemon(true);
    return t;
  });

  public AlertStreamApi(AlertBroadcaster broadcaster, SubscriptionIndex subscriptions) {
    this.broadcaster = broadcaster;
    this.subscriptions = subscriptions;
    writer.scheduleAtFixedRate(this::keepAlive, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
  }

  public HttpService.Builder routes(HttpService.Builder http) {
    return http.securedRoute("GET", "/v1/alerts/stream", this::stream);
  }

  Response stream(Request request) {
    String subscription = request.query().getOrDefault("subscription", List.of()).stream().findFirst().orElse(null);
    if (subscription != null && subscriptions.get(subscription).filter(s -> request.principal().equals(s.owner())).isEmpty()) {
      throw new ProblemException(Problem.of(404, "not-found", "Not found", "No subscription " + subscription + " of yours")
          .with("field", "subscription"));
    }
    Connection connection = new Connection();
    AlertBroadcaster.Client client = broadcaster.connect(subscription, connection::wakeUp);
    if (client == null) {
      throw new ProblemException(Problem.of(503, "too-many-streams", "Too many streams",
          "The alert stream has reached its limit of clients; try again later"));
    }
    EventStream stream = request.openEventStream();
    connection.open(client, stream);
    connections.add(connection);
    stream.onClose(() -> connection.close());
    writer.execute(() -> {
      if (!stream.closed()) {
        stream.comment("connected");
      }
      connection.drain();
    });
    return Response.STREAMED;
  }

  private void keepAlive() {
    for (Connection c : connections) {
      if (broadcaster.isClosed()) {
        c.stream.close();
      } else if (!c.stream.closed()) {
        c.stream.comment("keep-alive");
      }
    }
  }

  /** Ends every open stream. */
  @Override
  public void close() {
    connections.forEach(c -> c.stream.close());
    writer.shutdownNow();
  }

  /** One open stream and its client's queue. */
  private final class Connection {
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile AlertBroadcaster.Client client;
    private volatile EventStream stream;

    void open(AlertBroadcaster.Client client, EventStream stream) {
      this.client = client;
      this.stream = stream;
    }

    void wakeUp() {
      if (stream != null && drainScheduled.compareAndSet(false, true)) {
        try {
          writer.execute(this::drain);
        } catch (java.util.concurrent.RejectedExecutionException e) {
          log.debug("Alert stream writer stopped");
        }
      }
    }

    void drain() {
      drainScheduled.set(false);
      String alert;
      while (!stream.closed() && (alert = client.queue().poll()) != null) {
        stream.send("alert", AlertIds.of(alert), alert);
      }
    }

    void close() {
      broadcaster.disconnect(client);
      connections.remove(this);
      log.debug("Alert stream client went away");
    }
  }

  /** The alert id, read cheaply from the alert JSON for the SSE id line. */
  static final class AlertIds {
    private AlertIds() {}

    static String of(String alertJson) {
      int at = alertJson.indexOf("\"alertId\":\"");
      if (at < 0) {
        return "";
      }
      int start = at + 11;
      int end = alertJson.indexOf('"', start);
      return end < 0 ? "" : alertJson.substring(start, end);
    }
  }
}

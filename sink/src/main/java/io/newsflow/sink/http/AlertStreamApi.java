package io.newsflow.sink.http;

import com.sun.net.httpserver.HttpExchange;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import io.newsflow.sink.alerts.delivery.AlertBroadcaster;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/alerts/stream}: alerts as server-sent events ({@code event: alert}, {@code id: <alertId>},
 * {@code data: <alert JSON>}) as they are committed to {@code news.alerts}, with a comment line as keep-alive.
 * {@code ?subscription=<id>} narrows the stream to one of the caller's subscriptions.
 */
public final class AlertStreamApi {

  private static final Logger log = LoggerFactory.getLogger(AlertStreamApi.class);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final AlertBroadcaster broadcaster;
  private final SubscriptionIndex subscriptions;

  public AlertStreamApi(AlertBroadcaster broadcaster, SubscriptionIndex subscriptions) {
    this.broadcaster = broadcaster;
    this.subscriptions = subscriptions;
  }

  public HttpService.Builder routes(HttpService.Builder http) {
    return http.securedRoute("GET", "/v1/alerts/stream", this::stream);
  }

  public Response stream(Request request) throws InterruptedException {
    String subscription = request.query().getOrDefault("subscription", List.of()).stream().findFirst().orElse(null);
    if (subscription != null && subscriptions.get(subscription).filter(s -> request.principal().equals(s.owner())).isEmpty()) {
      throw new ProblemException(Problem.of(404, "not-found", "Not found", "No subscription " + subscription + " of yours")
          .with("field", "subscription"));
    }
    AlertBroadcaster.Client client = broadcaster.connect(subscription);
    if (client == null) {
      throw new ProblemException(Problem.of(503, "too-many-streams", "Too many streams",
          "The alert stream has reached its limit of clients; try again later"));
    }
    HttpExchange exchange = request.exchange();
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      write(out, ": connected\n\n");
      long lastWrite = System.nanoTime();
      while (!broadcaster.isClosed()) {
        String alert = client.queue().poll(1, TimeUnit.SECONDS);
        if (alert != null) {
          write(out, "event: alert\nid: " + AlertIds.of(alert) + "\ndata: " + alert + "\n\n");
          lastWrite = System.nanoTime();
        } else if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
          write(out, ": keep-alive\n\n");
          lastWrite = System.nanoTime();
        }
      }
    } catch (IOException e) {
      log.debug("Alert stream client went away: {}", e.getMessage());
    } finally {
      broadcaster.disconnect(client);
    }
    return Response.STREAMED;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
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

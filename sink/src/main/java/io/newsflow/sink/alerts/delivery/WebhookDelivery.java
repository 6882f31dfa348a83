package io.newsflow.sink.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs alerts to their subscription's webhook, signed, off the stream threads: asynchronous HTTP, retries
 * with exponential backoff on a scheduler, at most {@code maxInFlight} alerts pending (the caller waits beyond
 * that), and after the last failed attempt the alert goes to {@code news.deadletter} with the reason in headers.
 * Before each attempt the target is checked ({@link WebhookTargets}): a refused one is dead-lettered at once;
 * redirects are never followed.
 */
public final class WebhookDelivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

  private final SubscriptionIndex subscriptions;
  private final WebhookSettings settings;
  private final Producer<byte[], byte[]> deadLetters;
  private final DeliveryLog deliveryLog;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final HttpClient http;
  private final ScheduledExecutorService retries;
  private final Semaphore inFlight;
  private final Counter failures;

  public WebhookDelivery(SubscriptionIndex subscriptions, WebhookSettings settings, Producer<byte[], byte[]> deadLetters,
                         DeliveryLog deliveryLog, Clock clock, MeterRegistry metrics) {
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.deadLetters = deadLetters;
    this.deliveryLog = deliveryLog;
    this.clock = clock;
    this.metrics = metrics;
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sink-webhook-retries");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.inFlight = new Semaphore(settings.maxInFlight());
    this.failures = Counter.builder(MetricNames.WEBHOOK_FAILURES)
        .description("Alerts dead-lettered after the last failed webhook attempt").register(metrics);
  }

  /**
   * Starts delivering one alert (the value of a {@code news.alerts} record) when its subscription has a
   * webhook; returns at once unless {@code maxInFlight} alerts are pending. The answer completes when the
   * alert is settled: delivered, or written to the dead-letter topic after the last attempt (at once when there
   * is nothing to deliver). It never completes for an alert still pending when the delivery is closed.
   */
  public CompletableFuture<Void> submit(String subscriptionId, String alertJson) throws InterruptedException {
    Subscription s = subscriptions.get(subscriptionId).orElse(null);
    if (s == null && isRecent(alertJson)) {
      // created on another instance a moment ago, and not yet in this one's global store: wait for it a little
      // rather than take it for deleted (older alerts of unknown subscriptions are of deleted ones)
      subscriptions.awaitPresent(subscriptionId, NEW_SUBSCRIPTION_WAIT);
      s = subscriptions.get(subscriptionId).orElse(null);
    }
    if (s == null || s.webhook() == null) {
      return CompletableFuture.completedFuture(null);
    }
    inFlight.acquire();
    Pending p = new Pending(s, alertJson.getBytes(StandardCharsets.UTF_8), AlertFields.of(alertJson),
        new CompletableFuture<>());
    attempt(p, 1);
    return p.settled();
  }

  /** How long an alert of a subscription this instance does not know yet waits for it, when the alert is new. */
  static final Duration NEW_SUBSCRIPTION_WAIT = Duration.ofSeconds(2);
  private static final Duration RECENT = Duration.ofSeconds(30);

  private boolean isRecent(String alertJson) {
    Instant created = AlertFields.of(alertJson).createdAt();
    return created != null && Duration.between(created, clock.instant()).compareTo(RECENT) < 0;
  }

  private record Pending(Subscription subscription, byte[] body, AlertFields alert, CompletableFuture<Void> settled) {}

  private void attempt(Pending p, int attempt) {
    long started = System.nanoTime();
    HttpRequest request;
    try {
      URI url = URI.create(p.subscription().webhook().url());
      try {
        settings.targets().check(url);
      } catch (WebhookTargets.BlockedTargetException blocked) {
        // checked before every attempt (DNS may have changed); refused targets are not retried
        finished(p, attempt, 0, blocked.getMessage(), started, false);
        return;
      }
      request = HttpRequest.newBuilder(url)
          .timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "newsflow-sink")
          .header(Signatures.HEADER, Signatures.sign(p.subscription().webhook().secret(), p.body()))
          .header("X-Newsflow-Alert-Id", p.alert().alertId())
          .header("X-Newsflow-Delivery-Attempt", Integer.toString(attempt))
          .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()))
          .build();
    } catch (IllegalArgumentException e) {
      finished(p, attempt, 0, "invalid webhook URL: " + e.getMessage(), started);
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
      if (error == null && response.statusCode() / 100 == 2) {
        finished(p, attempt, response.statusCode(), null, started);
      } else {
        int status = error == null ? response.statusCode() : 0;
        String reason = error != null ? error.getClass().getSimpleName() + ": " + error.getMessage()
            : status / 100 == 3 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
        finished(p, attempt, status, reason, started);
      }
    });
  }

  private void finished(Pending p, int attempt, int status, String error, long started) {
    finished(p, attempt, status, error, started, true);
  }

  private void finished(Pending p, int attempt, int status, String error, long started, boolean retryable) {
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    String id = p.subscription().id();
    Timer.builder("sink.webhook.attempt").tag("outcome", error == null ? "success" : "failure")
        .register(metrics).record(latencyMs, TimeUnit.MILLISECONDS);
    if (error == null) {
      log.info("Webhook delivered alert {} to subscription {} (attempt {}, HTTP {}, {} ms)",
          p.alert().alertId(), id, attempt, status, latencyMs);
      record(p, attempt, DeliveryLog.Outcome.DELIVERED, status, null, latencyMs);
      inFlight.release();
      p.settled().complete(null);
    } else if (retryable && attempt < settings.maxAttempts()) {
      long backoff = settings.backoffBefore(attempt + 1).toMillis();
      log.warn("Webhook attempt {} for alert {} to subscription {} failed ({}); retrying in {} ms",
          attempt, p.alert().alertId(), id, error, backoff);
      record(p, attempt, DeliveryLog.Outcome.RETRYING, status, error, latencyMs);
      try {
        retries.schedule(() -> attempt(p, attempt + 1), backoff, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // closing: the alert stays unsettled, so its offset is not committed and it is delivered after a restart
        inFlight.release();
      }
    } else {
      log.error("Webhook gave up on alert {} to subscription {} after {} attempts ({}); sent to {}",
          p.alert().alertId(), id, attempt, error, Topics.DEAD_LETTER.name());
      record(p, attempt, DeliveryLog.Outcome.DEAD_LETTERED, status, error, latencyMs);
      failures.increment();
      inFlight.release();
      deadLetter(p, attempt, error);
    }
  }

  private void record(Pending p, int attempt, DeliveryLog.Outcome outcome, int status, String error, long latencyMs) {
    metrics.counter("sink.webhook.deliveries", "outcome", outcome.name()).increment();
    deliveryLog.add(p.subscription().id(), new DeliveryLog.Entry(p.alert().alertId(), p.alert().storyId(),
        p.alert().version(), attempt, outcome, status, error, clock.instant(), latencyMs));
  }

  private void deadLetter(Pending p, int attempts, String error) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("newsflow.error.stage", "sink-webhook".getBytes(StandardCharsets.UTF_8));
    headers.add("newsflow.error.reason", error.getBytes(StandardCharsets.UTF_8));
    headers.add("newsflow.error.topic", Topics.ALERTS.name().getBytes(StandardCharsets.UTF_8));
    headers.add("newsflow.error.attempts", Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
    headers.add("newsflow.error.webhook", p.subscription().webhook().url().getBytes(StandardCharsets.UTF_8));
    deadLetters.send(new ProducerRecord<>(Topics.DEAD_LETTER.name(), null,
        p.subscription().id().getBytes(StandardCharsets.UTF_8), p.body(), headers), (meta, e) -> {
          if (e == null) {
            p.settled().complete(null);
            return;
          }
          // settled only once it is on the dead-letter topic: until then its offset is not committed
          log.error("Alert {} could not be written to {}; trying again in {}", p.alert().alertId(),
              Topics.DEAD_LETTER.name(), settings.maxBackoff(), e);
          try {
            retries.schedule(() -> deadLetter(p, attempts, error), settings.maxBackoff().toMillis(), TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException closing) {
            log.warn("Alert {} left undelivered at shutdown; delivered again after a restart", p.alert().alertId());
          }
        });
  }

  /** Alerts still being delivered or waiting for a retry. */
  public int pending() {
    return settings.maxInFlight() - inFlight.availablePermits();
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}

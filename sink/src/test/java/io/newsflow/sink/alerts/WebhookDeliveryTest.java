package io.newsflow.sink.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.alerts.delivery.DeliveryLog;
import io.newsflow.sink.alerts.delivery.DeliveryLog.Outcome;
import io.newsflow.sink.alerts.delivery.Signatures;
import io.newsflow.sink.alerts.delivery.WebhookDelivery;
import io.newsflow.sink.alerts.delivery.WebhookSettings;
import io.newsflow.sink.alerts.delivery.WebhookTargets;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  static final String SECRET = "receiver-secret-0123456789";
  static final String ALERT = "{\"alertId\":\"a-1\",\"type\":\"MATCH\",\"subscriptionId\":\"sub-1\",\"storyId\":\"story-1\",\"version\":1}";

  /** The receiver runs on this machine: loopback must be allowed, as NEWSFLOW_SINK_WEBHOOK_ALLOW does. */
  static final WebhookTargets LOCAL_RECEIVER = WebhookTargets.allowing("127.0.0.0/8");

  record Received(byte[] body, String signature, String attempt) {}

  HttpServer receiver;
  List<Received> received = new CopyOnWriteArrayList<>();
  AtomicInteger failuresLeft = new AtomicInteger();
  SubscriptionIndex index = new SubscriptionIndex();
  MockProducer<byte[], byte[]> deadLetters = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  DeliveryLog log = new DeliveryLog(10);
  WebhookDelivery delivery;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(body, exchange.getRequestHeaders().getFirst(Signatures.HEADER),
          exchange.getRequestHeaders().getFirst("X-Newsflow-Delivery-Attempt")));
      int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    index.put(SubscriptionJson.parseRequest(("{\"keywords\": [\"troops\"], \"webhook\": {\"url\": \"http://127.0.0.1:"
        + receiver.getAddress().getPort() + "/hook\", \"secret\": \"" + SECRET + "\"}}").getBytes(StandardCharsets.UTF_8),
        "sub-1", "team", Instant.EPOCH, "unused-generated-secret"));
    delivery = new WebhookDelivery(index, new WebhookSettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofSeconds(2), 10, 10, LOCAL_RECEIVER), deadLetters, log, Clock.systemUTC(), new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    delivery.close();
    receiver.stop(0);
  }

  @Test
  void postsTheAlertSignedWithTheSubscriptionSecret() throws Exception {
    // when
    delivery.submit("sub-1", ALERT);

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> log.recent("sub-1").size() == 1);
    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(ALERT);
    assertThat(r.signature()).startsWith("sha256=");
    assertThat(Signatures.verify(SECRET, r.body(), r.signature())).isTrue();
    assertThat(Signatures.verify("another-secret-0123456", r.body(), r.signature())).isFalse();
    assertThat(log.recent("sub-1").get(0).outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(deadLetters.history()).isEmpty();
  }

  @Test
  void retriesAFailingReceiverWithBackoffUntilItAccepts() throws Exception {
    // given
    failuresLeft.set(2);

    // when
    delivery.submit("sub-1", ALERT);

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> delivery.pending() == 0 && log.recent("sub-1").size() == 3);
    assertThat(received).extracting(Received::attempt).containsExactly("1", "2", "3");
    assertThat(log.recent("sub-1")).extracting(DeliveryLog.Entry::outcome)
        .containsExactly(Outcome.DELIVERED, Outcome.RETRYING, Outcome.RETRYING);
    assertThat(log.recent("sub-1").get(1).httpStatus()).isEqualTo(503);
    assertThat(deadLetters.history()).isEmpty();
  }

  @Test
  void deadLettersTheAlertAfterTheLastFailedAttempt() throws Exception {
    // given
    failuresLeft.set(100);

    // when
    delivery.submit("sub-1", ALERT);

    // then
    await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.history().size() == 1);
    ProducerRecord<byte[], byte[]> dead = deadLetters.history().get(0);
    assertThat(dead.topic()).isEqualTo(Topics.DEAD_LETTER.name());
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("sub-1");
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(ALERT);
    assertThat(new String(dead.headers().lastHeader("newsflow.error.reason").value(), StandardCharsets.UTF_8))
        .isEqualTo("HTTP 503");
    assertThat(received).hasSize(3);
    assertThat(log.recent("sub-1").get(0).outcome()).isEqualTo(Outcome.DEAD_LETTERED);
    assertThat(delivery.pending()).isZero();
  }

  @Test
  void refusesALoopbackTargetWithoutTheAllowListAndDeadLettersAtOnce() throws Exception {
    // given the production default: no internal address allowed
    delivery.close();
    delivery = new WebhookDelivery(index, new WebhookSettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofSeconds(2), 10, 10, WebhookTargets.publicOnly()), deadLetters, log, Clock.systemUTC(),
        new SimpleMeterRegistry());

    // when
    delivery.submit("sub-1", ALERT).get(10, TimeUnit.SECONDS);

    // then nothing reached the receiver, and the reason names the address and the setting
    assertThat(received).isEmpty();
    assertThat(deadLetters.history()).hasSize(1);
    assertThat(new String(deadLetters.history().get(0).headers().lastHeader("newsflow.error.reason").value(),
        StandardCharsets.UTF_8)).contains("127.0.0.1", "loopback", "NEWSFLOW_SINK_WEBHOOK_ALLOW");
    assertThat(log.recent("sub-1")).extracting(DeliveryLog.Entry::outcome).containsExactly(Outcome.DEAD_LETTERED);
  }

  @Test
  void doesNotFollowARedirectToTheMetadataAddress() throws Exception {
    // given a receiver that answers with a redirect to the cloud metadata service
    receiver.createContext("/moved", exchange -> {
      received.add(new Received(exchange.getRequestBody().readAllBytes(), null, "redirect"));
      exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    index.put(SubscriptionJson.parseRequest(("{\"keywords\": [\"troops\"], \"webhook\": {\"url\": \"http://127.0.0.1:"
        + receiver.getAddress().getPort() + "/moved\", \"secret\": \"" + SECRET + "\"}}").getBytes(StandardCharsets.UTF_8),
        "sub-2", "team", Instant.EPOCH, "unused-generated-secret"));

    // when
    delivery.submit("sub-2", ALERT.replace("sub-1", "sub-2")).get(10, TimeUnit.SECONDS);

    // then only the three attempts at the receiver itself, each a failure that is not followed
    assertThat(received).extracting(Received::attempt).containsOnly("redirect").hasSize(3);
    assertThat(new String(deadLetters.history().get(0).headers().lastHeader("newsflow.error.reason").value(),
        StandardCharsets.UTF_8)).isEqualTo("HTTP 302 (redirects are not followed)");
  }

  @Test
  void settlesTheAlertOnlyOnceTheReceiverAcceptedIt() throws Exception {
    // given
    failuresLeft.set(2);

    // when
    CompletableFuture<Void> settled = delivery.submit("sub-1", ALERT);

    // then
    settled.get(10, TimeUnit.SECONDS);
    assertThat(received).hasSize(3);
    assertThat(log.recent("sub-1").get(0).outcome()).isEqualTo(Outcome.DELIVERED);
  }

  @Test
  void settlesADeadLetteredAlertOnlyOnceTheDeadLetterTopicAcknowledgedIt() throws Exception {
    // given: a dead-letter producer that acknowledges only when told to
    MockProducer<byte[], byte[]> slow = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    delivery.close();
    delivery = new WebhookDelivery(index, new WebhookSettings(2, Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofSeconds(2), 10, 10, LOCAL_RECEIVER), slow, log, Clock.systemUTC(), new SimpleMeterRegistry());
    failuresLeft.set(100);

    // when
    CompletableFuture<Void> settled = delivery.submit("sub-1", ALERT);
    await().atMost(Duration.ofSeconds(10)).until(() -> slow.history().size() == 1);

    // then
    assertThat(settled).isNotDone();
    slow.completeNext();
    settled.get(10, TimeUnit.SECONDS);
  }

  @Test
  void leavesAnAlertUnsettledWhenClosedWhileItIsRetried() throws Exception {
    // given
    failuresLeft.set(100);
    delivery.close();
    delivery = new WebhookDelivery(index, new WebhookSettings(10, Duration.ofSeconds(30), Duration.ofSeconds(30),
        Duration.ofSeconds(2), 10, 10, LOCAL_RECEIVER), deadLetters, log, Clock.systemUTC(), new SimpleMeterRegistry());
    CompletableFuture<Void> settled = delivery.submit("sub-1", ALERT);
    await().atMost(Duration.ofSeconds(10)).until(() -> log.recent("sub-1").size() == 1);

    // when
    delivery.close();

    // then: never settled, so its offset is never committed
    assertThat(settled).isNotDone();
    assertThat(deadLetters.history()).isEmpty();
  }

  @Test
  void waitsBrieflyForASubscriptionThisInstanceDoesNotKnowYetWhenTheAlertIsNew() throws Exception {
    // given: an alert created now for a subscription that reaches this instance's index a moment later
    String alert = "{\"alertId\":\"a-new\",\"type\":\"MATCH\",\"subscriptionId\":\"sub-new\",\"storyId\":\"s\","
        + "\"version\":1,\"createdAt\":\"" + Instant.now() + "\"}";
    subscribeAfter(Duration.ofMillis(300), "sub-new");

    // when
    CompletableFuture<Void> settled = delivery.submit("sub-new", alert);

    // then
    settled.get(10, TimeUnit.SECONDS);
    assertThat(received).hasSize(1);
    assertThat(log.recent("sub-new").get(0).outcome()).isEqualTo(Outcome.DELIVERED);
  }

  @Test
  void doesNotWaitForTheSubscriptionOfAnOldAlert() throws Exception {
    // given: an old alert (its subscription taken for deleted), and that id appearing a moment later
    String alert = "{\"alertId\":\"a-old\",\"type\":\"MATCH\",\"subscriptionId\":\"sub-late\",\"storyId\":\"s\","
        + "\"version\":1,\"createdAt\":\"2026-01-01T00:00:00Z\"}";
    Thread late = subscribeAfter(Duration.ofMillis(300), "sub-late");

    // when
    CompletableFuture<Void> settled = delivery.submit("sub-late", alert);
    late.join();

    // then: settled without delivery, as it did not wait for the subscription to appear
    assertThat(settled).isCompleted();
    assertThat(received).isEmpty();
    assertThat(log.recent("sub-late")).isEmpty();
  }

  @Test
  void sendsNothingForASubscriptionWithoutWebhook() throws Exception {
    // given
    index.put(SubscriptionJson.parseRequest("{\"keywords\": [\"troops\"]}".getBytes(StandardCharsets.UTF_8),
        "sub-2", "team", Instant.EPOCH, "unused-generated-secret"));

    // when
    CompletableFuture<Void> settled = delivery.submit("sub-2", ALERT);

    // then
    assertThat(settled).isCompleted();
    assertThat(delivery.pending()).isZero();
    assertThat(log.recent("sub-2")).isEmpty();
    assertThat(received).isEmpty();
  }

  /** Puts a subscription with this test's webhook into the index after a delay, on another thread. */
  private Thread subscribeAfter(Duration delay, String subscriptionId) {
    Thread late = new Thread(() -> {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      index.put(SubscriptionJson.parseRequest(("{\"keywords\": [\"troops\"], \"webhook\": {\"url\": \"http://127.0.0.1:"
          + receiver.getAddress().getPort() + "/hook\", \"secret\": \"" + SECRET + "\"}}").getBytes(StandardCharsets.UTF_8),
          subscriptionId, "team", Instant.EPOCH, "unused-generated-secret"));
    });
    late.start();
    return late;
  }
}

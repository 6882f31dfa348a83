package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery is at-least-once across restarts, on the real broker: alerts that a failing receiver has not
 * accepted when the sink stops are delivered after it starts again, alerts already delivered are not sent again,
 * and every request carries the alert's id, so a receiver that deduplicates by it sees each alert once.
 *
 * <p>The sink is stopped by closing it: its delivery consumer then commits what it considers settled. A kill -9
 * commits nothing at all at that moment, so it can only leave more alerts uncommitted than this close does. With
 * two instances, the one that stays delivers what the one that stopped left pending.
 */
class WebhookRedeliveryIT {

  static final String TOKEN = "redelivery-it-token-0123456789";
  static final String SECRET = "redelivery-it-webhook-secret";

  /** One request the receiver got. */
  record Call(String headerAlertId, String bodyAlertId, int status) {}

  @TempDir
  Path dir;

  EmbeddedKafkaCluster kafka;
  HttpServer receiver;
  final AtomicBoolean receiverHealthy = new AtomicBoolean(true);
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  Map<String, String> env;
  SinkService sink;
  SinkService second;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
    receiver.createContext("/hook", exchange -> {
      JsonNode alert = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
      int status = receiverHealthy.get() ? 204 : 503;
      calls.add(new Call(exchange.getRequestHeaders().getFirst("X-Newsflow-Alert-Id"), alert.path("alertId").asText(),
          status));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    kafka = EmbeddedKafkaCluster.builder().dataDir(dir.resolve("kafka")).start();
    env = new HashMap<>(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
        "NEWSFLOW_API_TOKENS", "monitoring:" + TOKEN,
        "NEWSFLOW_SINK_PORT", "0",
        // retried for as long as the test runs: never dead-lettered, so pending until the receiver recovers
        "NEWSFLOW_SINK_WEBHOOK_MAX_ATTEMPTS", "10000",
        "NEWSFLOW_SINK_WEBHOOK_BACKOFF", "100ms",
        "NEWSFLOW_SINK_WEBHOOK_MAX_BACKOFF", "500ms",
        "NEWSFLOW_SINK_WEBHOOK_ALLOW", "127.0.0.0/8",
        // no entity names here: spare the machine the dictionary
        "NEWSFLOW_SINK_RESOLVE_ENTITIES", "false"));
    TopicAdmin.createTopics(KafkaSettings.common(Settings.from(env), kafka.bootstrapServers()), 3, (short) 1);
    sink = startSink("sink-state");
  }

  @AfterEach
  void stop() {
    if (sink != null) {
      sink.close();
    }
    if (second != null) {
      second.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void deliversAlertsPendingAtStopAfterTheRestartAndDeliveredOnesNotAgain() throws Exception {
    // given: subscriptions on all partitions' worth of keys, their webhook at the receiver
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      subscriptions.add(subscribe());
    }
    // and alerts delivered while the receiver is up
    List<String> delivered = writeAlerts(subscriptions, "before", 12);
    await().atMost(Duration.ofSeconds(60)).until(() -> acceptedIds().containsAll(delivered));

    // when: the receiver fails, more alerts come, each is tried and left pending, and the sink stops
    receiverHealthy.set(false);
    List<String> pending = writeAlerts(subscriptions, "during", 24);
    await().atMost(Duration.ofSeconds(60)).until(() -> triedIds().containsAll(pending));
    sink.close();
    sink = null;
    assertThat(acceptedIds()).doesNotContainAnyElementsOf(pending);

    // and the receiver recovers and the sink starts again
    receiverHealthy.set(true);
    int callsBeforeRestart = calls.size();
    sink = startSink("sink-state");

    // then: every alert arrived, the pending ones after the restart
    await().atMost(Duration.ofSeconds(90)).until(() -> acceptedIds().containsAll(pending));
    assertThat(acceptedIds()).containsExactlyInAnyOrderElementsOf(concat(delivered, pending));
    assertThat(calls.subList(callsBeforeRestart, calls.size())).extracting(Call::bodyAlertId)
        .containsAll(pending)
        .doesNotContainAnyElementsOf(delivered);
    // every request names its alert in the header, so duplicates carry the same id
    assertThat(calls).allSatisfy(c -> assertThat(c.headerAlertId()).isEqualTo(c.bodyAlertId()));
    Map<String, Long> acceptedPerAlert = calls.stream().filter(c -> c.status() == 204)
        .collect(Collectors.groupingBy(Call::bodyAlertId, Collectors.counting()));
    assertThat(acceptedPerAlert).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
  }

  @Test
  void deliversAlertsPendingOnAnInstanceThatStopsFromTheInstanceThatTakesOverItsPartitions() throws Exception {
    // given: two instances sharing the delivery group, each with partitions of news.alerts
    second = startSink("second-sink-state");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        var members = admin.describeConsumerGroups(List.of("newsflow-sink-webhooks")).all().get()
            .get("newsflow-sink-webhooks").members();
        return members.size() == 2 && members.stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
      });
    }
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      subscriptions.add(subscribe());
    }
    // the second instance knows the webhooks once its global store has the subscriptions
    await().atMost(Duration.ofSeconds(30)).until(() -> listed(second) == subscriptions.size());

    // when: the receiver fails, alerts are tried by both instances and left pending, and the first one stops
    receiverHealthy.set(false);
    List<String> pending = writeAlerts(subscriptions, "shared", 24);
    await().atMost(Duration.ofSeconds(60)).until(() -> triedIds().containsAll(pending));
    sink.close();
    sink = null;
    receiverHealthy.set(true);

    // then: the remaining instance delivers every one, those of the stopped instance's partitions included
    await().atMost(Duration.ofSeconds(90)).until(() -> acceptedIds().containsAll(pending));
    assertThat(acceptedIds()).containsExactlyInAnyOrderElementsOf(pending);
    // a rebalance may deliver an alert twice, never under another id
    assertThat(calls).allSatisfy(c -> assertThat(c.headerAlertId()).isEqualTo(c.bodyAlertId()));
  }

  private SinkService startSink(String stateDir) throws Exception {
    Map<String, String> instance = new HashMap<>(env);
    instance.put("NEWSFLOW_SINK_STATE_DIR", dir.resolve(stateDir).toString());
    return SinkService.start(SinkConfig.from(Settings.from(instance), kafka.bootstrapServers()));
  }

  private String subscribe() throws Exception {
    String body = """
        {"keywords": ["troops"], "webhook": {"url": "http://127.0.0.1:%d/hook", "secret": "%s"}}"""
        .formatted(receiver.getAddress().getPort(), SECRET);
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + sink.httpPort() + "/v1/subscriptions"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode view = Json.mapper().readTree(created.body());
    assertThat(view.path("active").asBoolean()).isTrue();
    return view.path("id").asText();
  }

  private int listed(SinkService instance) throws Exception {
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + instance.httpPort() + "/v1/subscriptions"))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(list.body()).path("subscriptions").size();
  }

  /** Alerts as the matcher writes them, spread over the subscriptions; answers their ids. */
  private List<String> writeAlerts(List<String> subscriptions, String batch, int count) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    List<String> ids = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int n = 0; n < count; n++) {
        String subscription = subscriptions.get(n % subscriptions.size());
        String alertId = batch + "-" + n;
        ids.add(alertId);
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), subscription, Json.write(Map.of(
            "schemaVersion", 1, "alertId", alertId, "type", "MATCH", "subscriptionId", subscription,
            "storyId", "story-" + batch + "-" + n, "version", 1))));
      }
      producer.flush();
    }
    return ids;
  }

  private Set<String> acceptedIds() {
    return calls.stream().filter(c -> c.status() == 204).map(Call::bodyAlertId).collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> triedIds() {
    return calls.stream().map(Call::bodyAlertId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

}

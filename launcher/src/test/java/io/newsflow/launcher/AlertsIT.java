package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.entities.DictionaryEntityTagger;
import io.newsflow.launcher.commands.SubscribeCommand;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.alerts.delivery.Signatures;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The "done when": a Poland hesitancy story alerts on news.alerts and at a webhook; an unrelated one does not.
 * And an entity name is resolved to its Wikidata id when subscribing, through the same dictionary enrich links with.
 */
class AlertsIT {

  static final String TOKEN = "alerts-it-token-0123456789";
  static final String SECRET = "alerts-it-webhook-secret";
  static final String EVIDENCE = "However, many others, such as Poland and Greece, are hesitant to commit troops "
      + "and military equipment to such a force, the Financial Times reports.";

  @TempDir
  static Path dataDir;

  static Pipeline pipeline;
  static HttpServer receiver;
  static final List<String[]> webhookCalls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      webhookCalls.add(new String[] {new String(body, StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst(Signatures.HEADER)});
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
    pipeline = Pipeline.start(Map.of(
            "NEWSFLOW_API_TOKENS", "monitoring:" + TOKEN,
            "NEWSFLOW_INGEST_PORT", "0",
            "NEWSFLOW_ENRICH_HTTP_PORT", "0",
            "NEWSFLOW_SINK_PORT", "0",
            "NEWSFLOW_PARTITIONS", "1"),
        dataDir, 0, () -> new Enricher(LanguageIdentifier.load(), DictionaryEntityTagger.sample(),
            new HesitancyStanceTagger(), Clock.systemUTC()));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void alertsPolishHesitancyOnTheTopicAndAtTheWebhookButNotAnUnrelatedStory() throws Exception {
    // given: "Poland with polarity OPPOSE or HESITANT", created the way bin/newsflow subscribe does
    SubscribeCommand subscribe = new SubscribeCommand();
    new CommandLine(subscribe).parseArgs("--holder", "Poland", "--polarity", "OPPOSE,HESITANT",
        "--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "--secret", SECRET);
    HttpResponse<String> created = subscribe.send(Settings.from(Map.of(
        "NEWSFLOW_SINK_URL", "http://127.0.0.1:" + pipeline.sink().httpPort(),
        "NEWSFLOW_API_TOKEN", TOKEN)));
    assertThat(created.statusCode()).isEqualTo(201);
    String subscriptionId = Json.mapper().readTree(created.body()).path("id").asText();

    // when
    post("""
        {"id": "football-1", "language": "en", "headline": "Home side wins the derby",
         "body": "The home side won the derby two to one on Saturday. The coach praised the defence."}""");
    post(Json.write(Map.of("id", "coalition-1", "language", "en", "urgency", 3,
        "headline", "Europe struggles to staff a force for Ukraine",
        "body", "Macron convened dozens of leaders in Paris on Thursday. Denmark and the Baltic states agreed to take part. "
            + EVIDENCE + " The meeting ended without a public commitment.")));

    // then: the alert on news.alerts
    List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    List<String> indexed = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.ALERTS.name(), Topics.INDEX.name()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.topic().equals(Topics.INDEX.name())) {
            indexed.add(r.key());
          } else if (subscriptionId.equals(r.key())) {
            alerts.add(readTree(r.value()));
          }
        });
        return indexed.containsAll(List.of("football-1", "coalition-1")) && !alerts.isEmpty();
      });
    }
    assertThat(alerts).hasSize(1);
    JsonNode alert = alerts.get(0);
    assertThat(alert.path("subscriptionId").asText()).isEqualTo(subscriptionId);
    assertThat(alert.path("storyId").asText()).isEqualTo("coalition-1");
    assertThat(alert.path("type").asText()).isEqualTo("MATCH");
    JsonNode stance = alert.path("why").path("stances").get(0);
    assertThat(stance.path("holder").path("id").asText()).isEqualTo("Q36");
    assertThat(stance.path("polarity").asText()).isEqualTo("HESITANT");
    assertThat(stance.path("evidence").path("text").asText()).isEqualTo(EVIDENCE);

    // and at the webhook, signed, with the evidence sentence
    await().atMost(Duration.ofSeconds(30)).until(() -> !webhookCalls.isEmpty());
    String[] call = webhookCalls.get(0);
    assertThat(Signatures.verify(SECRET, call[0].getBytes(StandardCharsets.UTF_8), call[1])).isTrue();
    assertThat(readTree(call[0]).path("why").path("stances").get(0).path("evidence").path("text").asText())
        .isEqualTo(EVIDENCE);
    assertThat(webhookCalls).hasSize(1);
  }

  @Test
  void resolvesAnEntityNameToItsIdWhenSubscribingAndAlertsOnStoriesLinkedToThatId() throws Exception {
    // given: "Polska" is an alias of Q36 in the entity dictionary; the stories' linker names Q36 "Poland"
    SubscribeCommand polska = new SubscribeCommand();
    new CommandLine(polska).parseArgs("--entity", "Polska", "--name", "Polska by id");
    HttpResponse<String> created = polska.send(sinkSettings());
    SubscribeCommand georgia = new SubscribeCommand();
    new CommandLine(georgia).parseArgs("--entity", "Georgia");
    HttpResponse<String> ambiguous = georgia.send(sinkSettings());

    // then: the answers say what the names mean
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode resolution = readTree(created.body()).path("entityResolution").get(0);
    assertThat(resolution.path("resolution").asText()).isEqualTo("RESOLVED");
    assertThat(resolution.path("id").asText()).isEqualTo("Q36");
    assertThat(resolution.path("name").asText()).isEqualTo("Poland");
    assertThat(resolution.path("matchedBy").asText()).isEqualTo("id");
    assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(201);
    JsonNode georgiaResolution = readTree(ambiguous.body()).path("entityResolution").get(0);
    assertThat(georgiaResolution.path("resolution").asText()).isEqualTo("AMBIGUOUS");
    assertThat(georgiaResolution.path("matchedBy").asText()).isEqualTo("name");
    assertThat(georgiaResolution.path("candidates").findValuesAsText("id")).contains("Q230", "Q1428");
    String subscriptionId = readTree(created.body()).path("id").asText();

    // when: a story that never writes "Polska"
    post(Json.write(Map.of("id", "warsaw-1", "language", "en",
        "headline", "Poland orders new air defences",
        "body", "Poland signed a contract for air defence systems on Monday. Delivery starts next year.")));

    // then: it alerts, by the id
    List<JsonNode> alerts = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.ALERTS.name()));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (subscriptionId.equals(r.key())) {
            alerts.add(readTree(r.value()));
          }
        });
        return alerts.stream().anyMatch(a -> a.path("storyId").asText().equals("warsaw-1"));
      });
    }
    JsonNode alert = alerts.stream().filter(a -> a.path("storyId").asText().equals("warsaw-1")).findFirst().orElseThrow();
    assertThat(alert.path("why").path("entities").findValuesAsText("id")).containsExactly("Q36");
    assertThat(alert.path("why").path("entities").findValuesAsText("name")).containsExactly("Poland");
  }

  private static Settings sinkSettings() {
    return Settings.from(Map.of(
        "NEWSFLOW_SINK_URL", "http://127.0.0.1:" + pipeline.sink().httpPort(),
        "NEWSFLOW_API_TOKEN", TOKEN));
  }

  private static void post(String json) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/v1/articles"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}

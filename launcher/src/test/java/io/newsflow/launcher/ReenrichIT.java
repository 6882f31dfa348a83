package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enricher;
import io.newsflow.launcher.audit.Accounting;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicReader;
import io.newsflow.launcher.reenrich.Reenrichment;
import io.newsflow.nlp.entities.DictionaryEntityTagger;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models change, and history follows: a few hundred stories indexed with one entity model are re-enriched with the
 * next while live updates keep arriving; every live story ends with the newer model's document at its latest
 * version, killed stories stay out of the index, no alert fires for a re-enrichment, and the audit stays clean.
 */
class ReenrichIT {

  static final String TOKEN = "reenrich-it-token-0123456789";
  static final int STORIES = 300;
  static final int UPDATED = 20;
  static final int KILLED = 10;

  @TempDir
  static Path dataDir;

  static Pipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    pipeline = Pipeline.start(Map.of(
            "NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
            "NEWSFLOW_INGEST_PORT", "0",
            "NEWSFLOW_ENRICH_HTTP_PORT", "0",
            "NEWSFLOW_SINK_PORT", "0",
            "NEWSFLOW_SINK_RESOLVE_ENTITIES", "false",
            "NEWSFLOW_PARTITIONS", "2"),
        dataDir, 0, () -> enricher("dictionary-v1"));
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void replaysIndexedStoriesThroughNewerModelsBesideLiveTrafficAndKeepsTheAuditClean() throws Exception {
    // given 300 stories indexed with model v1: 20 of them updated to version 2, 10 killed, one alert subscription
    subscribeToKeyword("Poland");
    List<String> batch = new ArrayList<>();
    for (int i = 0; i < STORIES; i++) {
      batch.add(story(i, 1, "usable"));
    }
    for (int i = 0; i < UPDATED; i++) {
      batch.add(story(i, 2, "usable"));
    }
    for (int i = UPDATED; i < UPDATED + KILLED; i++) {
      batch.add(story(i, 2, "canceled"));
    }
    postBatch(batch);
    Map<String, JsonNode> index = new HashMap<>();
    List<String> alerts = new CopyOnWriteArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.INDEX.name(), Topics.ALERTS.name()));
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        read(consumer, index, alerts);
        return index.size() == STORIES && index.entrySet().stream().allMatch(e -> settled(e.getKey(), e.getValue()));
      });
      int alertsBefore = alerts.size();
      assertThat(alertsBefore).isPositive();
      assertThat(index.get("story-40").path("models").path("entities").asText()).isEqualTo("dictionary-v1");

      // when a re-enrichment with model v2 runs while live updates of five stories (version 3) arrive
      List<String> live = new ArrayList<>();
      for (int i = 100; i < 105; i++) {
        live.add(story(i, 3, "usable"));
      }
      Thread updates = new Thread(() -> postBatch(live), "live-updates");
      updates.start();
      Properties client = new Properties();
      client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
      Properties producer = new Properties();
      producer.putAll(client);
      producer.put(ProducerConfig.ACKS_CONFIG, "all");
      producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      List<Reenrichment.Progress> progress = new CopyOnWriteArrayList<>();
      Reenrichment.Summary summary = new Reenrichment(client, producer, enricher("dictionary-v2"),
          Duration.ofSeconds(30)).run(null, progress::add);
      updates.join();

      // then every story indexed at the start was re-enriched once; old versions and kills were skipped
      assertThat(summary.reenriched()).isEqualTo(STORIES - KILLED);
      assertThat(summary.failed()).isZero();
      assertThat(summary.rawRecords()).isGreaterThanOrEqualTo(STORIES + UPDATED + KILLED);
      assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p.done()).isEqualTo(p.total()));

      // and the index ends with v2 documents at each story's latest version, kills still absent, no new alert
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        read(consumer, index, alerts);
        return index.entrySet().stream().filter(e -> !e.getValue().isNull())
            .filter(e -> !isLiveUpdate(e.getKey()))
            .allMatch(e -> e.getValue().path("models").path("entities").asText().equals("dictionary-v2"))
            && live.size() == index.entrySet().stream().filter(e -> isLiveUpdate(e.getKey()))
            .filter(e -> e.getValue().path("version").asLong() == 3).count();
      });
      assertThat(index.entrySet().stream().filter(e -> e.getValue().isNull()).map(Map.Entry::getKey))
          .hasSize(KILLED);
      for (int i = 0; i < UPDATED; i++) {
        assertThat(index.get("story-" + i).path("version").asLong()).isEqualTo(2);
      }
      read(consumer, index, alerts);
      // the five live version-3 updates match the subscription as before (same match: no new alert), the
      // re-enrichments raise none
      assertThat(alerts).hasSize(alertsBefore);
    }
    AuditReport audit = Accounting.account(new TopicReader(clientProps(), Duration.ofSeconds(60)).read());
    assertThat(audit.unaccounted()).isEmpty();
    assertThat(audit.duplicated()).isEmpty();
    assertThat(audit.clean()).isTrue();
  }

  private static boolean isLiveUpdate(String id) {
    int n = Integer.parseInt(id.substring("story-".length()));
    return n >= 100 && n < 105;
  }

  /** Whether the index shows the story's final state: killed ones removed, updated ones at version 2. */
  private static boolean settled(String id, JsonNode doc) {
    int n = Integer.parseInt(id.substring("story-".length()));
    if (n >= UPDATED && n < UPDATED + KILLED) {
      return doc.isNull();
    }
    return !doc.isNull() && doc.path("version").asLong() == (n < UPDATED ? 2 : 1);
  }

  private static void read(KafkaConsumer<String, String> consumer, Map<String, JsonNode> index, List<String> alerts) {
    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
      if (r.topic().equals(Topics.INDEX.name())) {
        index.put(r.key(), r.value() == null ? Json.mapper().nullNode() : tree(r.value()));
      } else {
        alerts.add(r.value());
      }
    });
  }

  private static String story(int n, int version, String status) {
    // ninjs, which carries the publication status that kills a story
    return Json.write(Map.of("uri", "story-" + n, "version", String.valueOf(version), "language", "en",
        "pubstatus", status, "headline", "Ministers meet in Warsaw, story " + n + " version " + version,
        "body_text", "Poland and Greece discussed the budget in Warsaw on Tuesday, story " + n
            + ". Officials said talks would continue next week."));
  }

  private static Enricher enricher(String entityModel) {
    EntityTagger dictionary = DictionaryEntityTagger.sample();
    EntityTagger versioned = new EntityTagger() {
      @Override
      public List<Entity> tag(ArticleText text) {
        return dictionary.tag(text);
      }

      @Override
      public String version() {
        return entityModel;
      }
    };
    return new Enricher(LanguageIdentifier.load(), versioned, new HesitancyStanceTagger(), Clock.systemUTC());
  }

  private static void subscribeToKeyword(String keyword) throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.sink().httpPort() + "/v1/subscriptions"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString("{\"keywords\": [\"" + keyword + "\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static void postBatch(List<String> stories) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/v1/articles:batch"))
              .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", stories))).build(),
          HttpResponse.BodyHandlers.ofString());
      String start = response.body().substring(0, Math.min(600, response.body().length()));
      assertThat(response.statusCode()).as(start).isEqualTo(200);
      assertThat(tree(response.body()).path("accepted").asInt()).as(start).isEqualTo(stories.size());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Properties clientProps() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    return props;
  }

  private static KafkaConsumer<String, String> consumer() {
    Properties props = clientProps();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reenrich-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

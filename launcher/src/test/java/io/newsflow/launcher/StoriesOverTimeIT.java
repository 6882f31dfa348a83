package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.Enrichment;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A story over time on the real embedded broker, through ingest, enrich and sink: what {@code news.index}
 * holds at the end (latest value per key, read committed to the end; a tombstone leaves no document).
 */
class StoriesOverTimeIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String FLOOD = "urn:a:flood";
  private static final String FLOOD_RESENT = "urn:a:flood-resent";
  private static final String COPY = "urn:b:italy-floods";
  private static final String BUDGET = "urn:a:budget";
  private static final String EMBARGOED = "urn:a:results";

  private static final String FLOOD_HEADLINE = "Floods force thousands from homes in northern Italy";
  private static final String FLOOD_BODY = """
      Rescue teams in the Emilia-Romagna region evacuated more than 5,000 people on Tuesday after two days of \
      torrential rain sent rivers over their banks and cut off dozens of villages in the hills south of Bologna.

      The regional civil protection agency said at least 23 rivers had flooded and more than 200 landslides had \
      been reported. Schools were closed in 40 towns and the main railway line between Bologna and Rimini was \
      suspended while engineers inspected damaged bridges.""";
  private static final String FLOOD_BODY_V2 = FLOOD_BODY.replace("at least 23 rivers", "at least 21 rivers");
  private static final String COPY_HEADLINE = "Thousands evacuated as floods hit Italy's Emilia-Romagna";
  private static final String COPY_BODY = """
      Rescue teams in Italy's Emilia-Romagna region evacuated more than 5,000 people on Tuesday after two days of \
      torrential rain sent rivers over their banks and cut off dozens of villages in the hills south of Bologna.

      The regional civil protection agency said at least 23 rivers had flooded and more than 200 landslides had \
      been reported. Schools were closed in 40 towns.""";

  @TempDir
  static Path data;
  private static Pipeline pipeline;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startPipeline() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("NEWSFLOW_API_TOKENS", "a:tokA,b:tokB");
    env.put("NEWSFLOW_INGEST_PORT", "0");
    env.put("NEWSFLOW_ENRICH_HTTP_PORT", "0");
    env.put("NEWSFLOW_SINK_PORT", "0");
    env.put("NEWSFLOW_ENRICH_APPLICATION_ID", "stories-it-enrich");
    env.put("NEWSFLOW_SINK_APPLICATION_ID", "stories-it-sink");
    pipeline = Pipeline.start(env, data, 0, Enrichment::standard);
    // the embargo below is timed from here: the first rebalance of two Streams apps takes a while
    await().atMost(PATIENCE).until(() -> pipeline.enrich().streams().state() == KafkaStreams.State.RUNNING
        && pipeline.sink().streams().state() == KafkaStreams.State.RUNNING);
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void indexHoldsEachStoryOnceInItsLatestVersionAndNothingKilledOrEmbargoed() throws Exception {
    // given a story under embargo for 30 seconds (the JSON wire format carries no embargo: straight to news.raw)
    Instant embargo = Instant.now().plusSeconds(30);
    produceRaw(raw(EMBARGOED, 1, "Election results to be announced at noon",
        "The electoral commission will publish the official results of Sunday's regional election at noon, "
            + "after all postal votes have been counted in the twelve districts.", PubStatus.USABLE, embargo));

    // when source a posts a story, resends it as is and under another id, then corrects it as version 2
    assertThat(post("tokA", article(FLOOD, 1, FLOOD_HEADLINE, FLOOD_BODY))).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> readIndex().containsKey(FLOOD));
    assertThat(post("tokA", article(FLOOD, 1, FLOOD_HEADLINE, FLOOD_BODY))).isEqualTo(200);
    assertThat(post("tokA", article(FLOOD_RESENT, 1, FLOOD_HEADLINE, FLOOD_BODY))).isEqualTo(202);
    assertThat(post("tokA", article(FLOOD, 2, FLOOD_HEADLINE, FLOOD_BODY_V2))).isEqualTo(202);
    // and source b syndicates a lightly edited copy
    assertThat(post("tokB", article(COPY, 1, COPY_HEADLINE, COPY_BODY))).isEqualTo(202);
    // and source a publishes a story it then kills (the JSON wire format carries no pubStatus: straight to news.raw)
    assertThat(post("tokA", article(BUDGET, 1, "Parliament approves budget after late-night vote",
        "Lawmakers approved next year's budget shortly after midnight on Thursday, ending weeks of talks."))).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> readIndex().containsKey(BUDGET));
    produceRaw(raw(BUDGET, 2, "KILL: Parliament approves budget", "This story has been withdrawn.",
        PubStatus.CANCELED, null));

    // then the index holds version 2 of the story and the copy, collapsible by cluster; no resend, no kill
    await().atMost(PATIENCE).untilAsserted(() -> {
      Map<String, JsonNode> index = readIndex();
      // (the embargoed story is checked below: on a slow machine its time may come before this holds)
      assertThat(index.keySet()).filteredOn(id -> !id.equals(EMBARGOED)).containsExactlyInAnyOrder(FLOOD, COPY);
      assertThat(index.get(FLOOD).path("version").asLong()).isEqualTo(2);
      assertThat(index.get(FLOOD).path("body").asText()).contains("at least 21 rivers");
      assertThat(index.get(FLOOD).path("storyCluster").asText()).isEqualTo(FLOOD);
      assertThat(index.get(COPY).path("source").asText()).isEqualTo("b");
      assertThat(index.get(COPY).path("duplicateOf").asText()).isEqualTo(FLOOD);
      assertThat(index.get(COPY).path("storyCluster").asText()).isEqualTo(FLOOD);
    });
    // and the resend under another id was recorded as one
    assertThat(readAll(Topics.DUPLICATES.name())).anySatisfy(r -> {
      assertThat(r.key()).isEqualTo(FLOOD_RESENT);
      assertThat(Json.mapper().readTree(r.value()).path("reason").asText()).isEqualTo("exact-resend");
    });
    // and, read entirely before its time, the index has no trace of the embargoed story
    Map<String, JsonNode> beforeEmbargo = readIndex();
    if (Instant.now().isBefore(embargo)) {
      assertThat(beforeEmbargo).doesNotContainKey(EMBARGOED);
    }

    // and the embargoed story appears only once its time has come
    await().atMost(PATIENCE).until(() -> readIndex().containsKey(EMBARGOED));
    Instant enrichedAt = Instant.parse(readIndex().get(EMBARGOED).path("enrichedAt").asText());
    assertThat(enrichedAt).isAfterOrEqualTo(embargo);
    assertThat(readIndex().keySet()).containsExactlyInAnyOrder(FLOOD, COPY, EMBARGOED);
  }

  private static ObjectNode article(String id, long version, String headline, String body) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("id", id);
    json.put("version", version);
    json.put("headline", headline);
    json.put("body", body);
    json.put("language", "en");
    return json;
  }

  private static int post(String token, ObjectNode article) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + "/v1/articles"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(article)))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** A raw article as ingest would publish it, for what the JSON wire format cannot say. */
  private static RawArticle raw(String id, long version, String headline, String body, PubStatus status, Instant embargo) {
    return RawArticle.newBuilder()
        .setId(id).setVersion(version).setSource("a").setFormat(SourceFormat.JSON)
        .setHeadline(headline).setBody(body).setLanguage("en")
        .setReceived(Instant.now()).setPubStatus(status).setEmbargoedUntil(embargo)
        .setContentType("application/json").setOriginalDigest(UUID.randomUUID().toString())
        .setTextDigest(UUID.randomUUID().toString())
        .build();
  }

  private static void produceRaw(RawArticle article) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props, Topics.RAW.keySerde().serializer(),
        Topics.RAW.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.RAW.name(), article.getId(), article)).get();
    }
  }

  /** The compacted index as a consumer sees it: latest value per key, read committed to the end. */
  private static Map<String, JsonNode> readIndex() {
    Map<String, JsonNode> index = new HashMap<>();
    for (ConsumerRecord<String, String> r : readAll(Topics.INDEX.name())) {
      if (r.value() == null) {
        index.remove(r.key());
      } else {
        try {
          index.put(r.key(), Json.mapper().readTree(r.value()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return index;
  }

  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
      // records come in offset order per partition: the fold by key keeps the latest
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}

package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.IndexTopicReader;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a story belongs to the source that first delivered it. With two sources, neither can update or kill
 * the other's story (403 not-owner at ingest, counted), each still updates its own, a forged version that reaches
 * news.raw anyway (ingest's view not caught up yet) is refused by enrich, and the audit stays clean.
 */
class OwnershipIT {

  private static final String TOKEN_A = "agency-a-token-5c1f";
  private static final String TOKEN_B = "agency-b-token-9e27";
  private static final String STORY_A = "urn:agency-a:story-1";
  private static final String STORY_B = "urn:agency-b:story-1";

  @TempDir
  static Path dir;

  static Pipeline pipeline;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "agency-a:" + TOKEN_A + ",agency-b:" + TOKEN_B,
        "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, Enrichment::standard);
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void neitherSourceCanUpdateOrKillTheOthersStoryButEachUpdatesItsOwn() throws Exception {
    // given each agency delivered its story, and ingest's view knows both
    assertThat(post(TOKEN_A, article(STORY_A, 1, "Council approves the budget")).statusCode()).isEqualTo(202);
    assertThat(post(TOKEN_B, article(STORY_B, 1, "Harbour strike enters second week")).statusCode()).isEqualTo(202);
    awaitOwner(STORY_A, "agency-a");
    awaitOwner(STORY_B, "agency-b");

    // when each tries to update and to kill the other's story, and updates its own
    HttpResponse<String> forgedUpdate = post(TOKEN_B, article(STORY_A, 2, "FORGED by agency B"));
    HttpResponse<String> forgedKill = post(TOKEN_B, kill(STORY_A, 3));
    HttpResponse<String> forgedByA = post(TOKEN_A, article(STORY_B, 2, "FORGED by agency A"));
    int ownUpdateA = post(TOKEN_A, article(STORY_A, 2, "Council approves the amended budget")).statusCode();
    int ownUpdateB = post(TOKEN_B, article(STORY_B, 2, "Harbour strike ends after talks")).statusCode();

    // then every attempt on another's story is a 403 not-owner problem, counted
    for (HttpResponse<String> refused : List.of(forgedUpdate, forgedKill, forgedByA)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(Json.mapper().readTree(refused.body()).path("type").asText()).endsWith("/not-owner");
    }
    assertThat(ownUpdateA).isEqualTo(202);
    assertThat(ownUpdateB).isEqualTo(202);
    assertThat(metrics()).containsPattern("newsflow_ingest_refused_total\\{[^}]*reason=\"not-owner\"[^}]*} 3\\.0");

    // and the index holds each story in its owner's latest version, nothing forged, nothing killed
    Map<String, JsonNode> index = awaitIndexed(Map.of(STORY_A, 2L, STORY_B, 2L));
    assertThat(index.get(STORY_A).path("headline").asText()).isEqualTo("Council approves the amended budget");
    assertThat(index.get(STORY_A).path("source").asText()).isEqualTo("agency-a");
    assertThat(index.get(STORY_B).path("headline").asText()).isEqualTo("Harbour strike ends after talks");
    assertThat(index.get(STORY_B).path("source").asText()).isEqualTo("agency-b");

    // when a forged version and a forged kill reach news.raw anyway (an ingest whose view has not caught up)
    try (KafkaProducer<String, RawArticle> producer = rawProducer()) {
      producer.send(new ProducerRecord<>(Topics.RAW.name(), STORY_A, raw(STORY_A, 5, "agency-b", "FORGED by agency B",
          PubStatus.USABLE))).get();
      producer.send(new ProducerRecord<>(Topics.RAW.name(), STORY_A, raw(STORY_A, 6, "agency-b", "Killed",
          PubStatus.CANCELED))).get();
    }

    // then enrich refuses both (not-owner on news.duplicates), the index is unchanged and the audit is clean
    AuditReport report = await().atMost(Duration.ofMinutes(2)).until(() -> Audits.audit(pipeline.bootstrapServers()),
        r -> r.accepted() == 6 && r.unaccounted().isEmpty());
    assertThat(report.indexed()).isEqualTo(4);
    assertThat(report.duplicates()).isEqualTo(2);
    assertThat(report.duplicated()).isEmpty();
    assertThat(Audits.read(pipeline.bootstrapServers()).duplicates())
        .filteredOn(d -> d.id().equals(STORY_A)).hasSize(2);
    assertThat(readDuplicateReasons()).containsExactly("not-owner", "not-owner");
    Map<String, JsonNode> after = awaitIndexed(Map.of(STORY_A, 2L, STORY_B, 2L));
    assertThat(after.get(STORY_A).path("headline").asText()).isEqualTo("Council approves the amended budget");
  }

  private static String article(String id, long version, String headline) {
    return Json.write(Map.of("id", id, "version", version, "language", "en", "headline", headline,
        "body", "Officials said on Tuesday that " + headline.toLowerCase(java.util.Locale.ROOT)
            + ". A decision on the next steps would follow next week."));
  }

  private static String kill(String id, long version) {
    return Json.write(Map.of("uri", id, "type", "text", "version", Long.toString(version), "pubstatus", "canceled",
        "headline", "Killed", "body_text", "This story has been withdrawn."));
  }

  private HttpResponse<String> post(String token, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/v1/articles"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitOwner(String id, String owner) {
    URI uri = URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/v1/articles?id="
        + URLEncoder.encode(id, StandardCharsets.UTF_8));
    await().atMost(Duration.ofMinutes(2)).until(() -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && owner.equals(Json.mapper().readTree(r.body()).path("owner").asText());
    });
  }

  private String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.ingestPort() + "/metrics"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private Map<String, JsonNode> awaitIndexed(Map<String, Long> versions) {
    try (IndexTopicReader reader = IndexTopicReader.index(pipeline.bootstrapServers())) {
      return await().atMost(Duration.ofMinutes(2)).until(() -> {
        Map<String, JsonNode> docs = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : reader.poll().entrySet()) {
          docs.put(e.getKey(), Json.mapper().readTree(e.getValue()));
        }
        return docs;
      }, docs -> versions.entrySet().stream().allMatch(v -> docs.containsKey(v.getKey())
          && docs.get(v.getKey()).path("version").asLong() == v.getValue()));
    }
  }

  private List<String> readDuplicateReasons() {
    try (IndexTopicReader reader = new IndexTopicReader(pipeline.bootstrapServers(), Topics.DUPLICATES.name())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        reader.poll();
        return reader.records().size() >= 2;
      });
      return reader.records().stream().map(r -> {
        try {
          return Json.mapper().readTree(r.value()).path("reason").asText();
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
  }

  private static KafkaProducer<String, RawArticle> rawProducer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    return new KafkaProducer<>(props, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
  }

  private static RawArticle raw(String id, long version, String source, String headline, PubStatus status) {
    String body = "Text that must never be indexed under another agency's story id.";
    return RawArticle.newBuilder().setId(id).setVersion(version).setSource(source).setFormat(SourceFormat.JSON)
        .setHeadline(headline).setBody(body).setLanguage("en").setPubStatus(status).setReceived(Instant.now())
        .setContentType("application/json").setOriginalDigest("forged-" + version)
        .setTextDigest("forged-" + version).build();
  }
}

package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.TopicContents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write needs a credential: without one 401, with a wrong one 403, and nothing reaches news.raw. */
class IngestSecurityIT {

  private static final String TOKEN = "security-test-token-8d2e";
  private static final String ARTICLE = "{\"id\":\"urn:security:%s\",\"headline\":\"Budget vote\",\"body\":\"The council voted.\"}";

  @TempDir
  static Path dir;

  static Pipeline pipeline;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
        "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, Enrichment::standard);
  }

  @AfterAll
  static void stopPipeline() {
    pipeline.close();
  }

  @Test
  void refusesWritesWithoutOrWithAWrongCredentialAndPublishesOnlyTheAuthenticatedOne() throws Exception {
    // given
    Newsroom newsroom = new Newsroom(pipeline.ingestPort(), TOKEN);

    // when
    int none = newsroom.post("application/json", ARTICLE.formatted("none"), null);
    int wrong = newsroom.post("application/json", ARTICLE.formatted("wrong"), "not-the-token");
    int wrongApiKey = apiKey(ARTICLE.formatted("wrong-key"), "not-the-token");
    int prefix = newsroom.post("application/json", ARTICLE.formatted("prefix"), TOKEN.substring(0, TOKEN.length() - 1));
    int valid = newsroom.post("application/json", ARTICLE.formatted("valid"), TOKEN);

    // then
    assertThat(none).isEqualTo(401);
    assertThat(wrong).isEqualTo(403);
    assertThat(wrongApiKey).isEqualTo(403);
    assertThat(prefix).isEqualTo(403);
    assertThat(valid).isEqualTo(202);
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
        assertThat(Audits.read(pipeline.bootstrapServers()).raw()).isNotEmpty());
    assertThat(Audits.read(pipeline.bootstrapServers()).raw())
        .extracting(TopicContents.RawRecord::id)
        .containsExactly("urn:security:valid");
  }

  @Test
  void answersEveryWriteEndpointWithoutACredentialWith401() throws Exception {
    // given: the write endpoints of ingest (a 404 means this build does not have that endpoint yet)
    java.util.List<String> endpoints = java.util.List.of("/v1/articles", "/v1/articles:batch", "/v1/feeds", "/v1/subscriptions");
    Map<String, Integer> statuses = new java.util.LinkedHashMap<>();

    // when
    for (String endpoint : endpoints) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + endpoint))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(ARTICLE.formatted("anonymous"))).build();
      statuses.put(endpoint, HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    // then
    assertThat(statuses.get("/v1/articles")).isEqualTo(401);
    assertThat(statuses).allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isIn(401, 404));
  }

  private int apiKey(String body, String key) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + "/v1/articles"))
        .header("Content-Type", "application/json").header("X-API-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enrichment;
import io.newsflow.platform.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walking skeleton on a real (embedded) broker: wire copy posted to ingest comes out on news.index. */
class PipelineIT {

  private static final String TOKEN = "desk-token-for-tests";

  @TempDir
  static Path dataDir;

  private static Pipeline pipeline;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start(Map.of(
        "NEWSFLOW_API_TOKENS", "desk:" + TOKEN,
        "NEWSFLOW_INGEST_PORT", "0",
        "NEWSFLOW_ENRICH_HTTP_PORT", "0",
        "NEWSFLOW_SINK_PORT", "0",
        "NEWSFLOW_PARTITIONS", "2"), dataDir, 0, Enrichment::standard);
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void postedSampleStoryReachesTheIndexAsAValidDocument() throws Exception {
    Path sample = SharedData.find("samples/coalition-paris.txt").orElse(Path.of("src/test/resources/plain-story.txt"));
    String text = Files.readString(sample);

    HttpResponse<String> response = post(text, "text/plain; charset=utf-8", TOKEN);

    assertThat(response.statusCode()).isEqualTo(202);
    String id = Json.mapper().readTree(response.body()).get("id").asText();
    try (IndexTopicReader index = IndexTopicReader.index(pipeline.bootstrapServers())) {
      String document = await().atMost(Duration.ofSeconds(90)).until(() -> index.poll().get(id), d -> d != null);
      assertThat(IndexDocumentSchema.violations(document)).isEmpty();
      JsonNode doc = Json.mapper().readTree(document);
      String firstLine = text.strip().lines().findFirst().orElseThrow();
      assertThat(doc.get("headline").asText()).isEqualTo(firstLine.strip());
      assertThat(doc.get("body").asText()).startsWith(text.strip().lines().skip(1).filter(l -> !l.isBlank())
          .findFirst().orElseThrow().strip());
      assertThat(doc.get("language").asText()).isEqualTo("en");
      assertThat(doc.get("source").asText()).isEqualTo("desk");
      assertThat(doc.get("version").asLong()).isEqualTo(1);
    }
  }

  @Test
  void writeWithoutCredentialIsRefusedWithProblemDetails() throws Exception {
    HttpResponse<String> response = post("Headline\n\nBody text.", "text/plain", "wrong-token");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.mapper().readTree(response.body()).get("status").asInt()).isEqualTo(403);
  }

  private static HttpResponse<String> post(String body, String contentType, String token) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + "/v1/articles"))
        .header("Content-Type", contentType)
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}

package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enrichment;
import io.newsflow.platform.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end flow against Kafka in a container, where Docker runs; skipped cleanly where it does not, unless
 * {@code NEWSFLOW_CONTAINER_TESTS=required} (CI sets it): then a missing engine fails the test instead.
 */
@Testcontainers
@DisabledIf(value = "dockerMissing", disabledReason = "no Docker engine")
class PipelineContainersIT {

  /** The broker of the Kafka version the services are built with (.ci/validate-ops checks the tag). */
  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.4.0");

  static boolean dockerMissing() {
    return !"required".equals(System.getenv("NEWSFLOW_CONTAINER_TESTS"))
        && !DockerClientFactory.instance().isDockerAvailable();
  }

  @TempDir
  Path dataDir;

  @Test
  void postedStoryReachesTheIndexOnAContainerBroker() throws Exception {
    try (Pipeline pipeline = Pipeline.start(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", KAFKA.getBootstrapServers(),
        "NEWSFLOW_API_TOKENS", "desk:container-token",
        "NEWSFLOW_INGEST_PORT", "0",
        "NEWSFLOW_ENRICH_HTTP_PORT", "0",
        "NEWSFLOW_SINK_PORT", "0",
        "NEWSFLOW_REPLICATION_FACTOR", "1"), dataDir, 0, Enrichment::standard)) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.ingestPort() + "/v1/articles"))
          .header("Content-Type", "text/plain")
          .header("Authorization", "Bearer container-token")
          .POST(HttpRequest.BodyPublishers.ofString("Leaders meet in Paris\n\nFrench President Emmanuel Macron hosted the talks."))
          .build();
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(202);
      String id = Json.mapper().readTree(response.body()).get("id").asText();

      try (IndexTopicReader index = IndexTopicReader.index(pipeline.bootstrapServers())) {
        String document = await().atMost(Duration.ofSeconds(90)).until(() -> index.poll().get(id), d -> d != null);
        assertThat(IndexDocumentSchema.violations(document)).isEmpty();
      }
    }
  }
}

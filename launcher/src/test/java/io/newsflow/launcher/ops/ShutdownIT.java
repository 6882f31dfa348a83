package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/newsflow ingest|enrich} as a container runs them (JSON logs, configured by the environment) stop
 * cleanly on SIGTERM: requests in flight are answered and their articles are on Kafka, Streams closes, and
 * the process exits as terminated by the signal (143) rather than being killed.
 */
class ShutdownIT {

  private static final Logger log = LoggerFactory.getLogger(ShutdownIT.class);

  /** The JVM's exit status after SIGTERM once its shutdown hooks have run. */
  private static final int EXIT_ON_SIGTERM = 143;

  private static EmbeddedKafkaCluster kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafkaCluster.startTemporary();
    TopicAdmin.createTopics(KafkaSettings.common(Settings.from(Map.of()), kafka.bootstrapServers()), 2, (short) 1);
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @Test
  void ingestAnswersTheRequestsInFlightAndPublishesTheirArticlesBeforeItExits(@TempDir Path dir) throws Exception {
    // given
    int port = OpsFixtures.freePort();
    Path output = dir.resolve("ingest.log");
    Process ingest = launch(output, "ingest", Map.of(
        IngestConfig.PORT.name(), String.valueOf(port),
        IngestConfig.API_TOKENS.name(), OpsFixtures.TOKENS));
    try {
      await("ingest ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions().until(() -> OpsFixtures.get("http://localhost:" + port + "/health/ready").statusCode() == 200);

      // when: a burst of articles, and SIGTERM as soon as the first is answered
      List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
      for (int n = 0; n < 30; n++) {
        requests.add(OpsFixtures.HTTP.sendAsync(OpsFixtures.post(port, OpsFixtures.article(1000 + n)),
            HttpResponse.BodyHandlers.ofString()));
      }
      CompletableFuture.anyOf(requests.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
      ingest.destroy();
      boolean exited = ingest.waitFor(2, TimeUnit.MINUTES);

      // then: every answer is an acceptance, and every accepted article is on news.raw, nothing else
      assertThat(exited).as("ingest exited after SIGTERM").isTrue();
      assertThat(ingest.exitValue()).isEqualTo(EXIT_ON_SIGTERM);
      Set<String> accepted = new HashSet<>();
      int refused = 0;
      for (CompletableFuture<HttpResponse<String>> request : requests) {
        try {
          HttpResponse<String> response = request.get(1, TimeUnit.MINUTES);
          assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
          accepted.add(OpsFixtures.json(response).path("id").asText());
        } catch (java.util.concurrent.ExecutionException e) {
          // not yet accepted when the server stopped listening: the client sees a refused connection and retries
          refused++;
        }
      }
      log.info("SIGTERM with 30 requests sent: {} accepted and answered, {} refused", accepted.size(), refused);
      assertThat(accepted).as("accepted before the stop (%d not sent in time)", refused).isNotEmpty();
      assertThat(OpsFixtures.committedKeys(kafka.bootstrapServers(), Topics.RAW.name()))
          .containsExactlyInAnyOrderElementsOf(accepted);
      assertThat(jsonLines(output)).anySatisfy(e -> assertThat(e.path("message").asText()).isEqualTo("Stopping ingest"));
    } finally {
      ingest.destroyForcibly();
    }
  }

  @Test
  void enrichClosesItsStreamsBeforeItExits(@TempDir Path dir) throws Exception {
    // given
    int port = OpsFixtures.freePort();
    Path output = dir.resolve("enrich.log");
    Process enrich = launch(output, "enrich", Map.of(
        EnrichConfig.HTTP_PORT.name(), String.valueOf(port),
        EnrichConfig.APPLICATION_ID.name(), "shutdown-enrich",
        EnrichConfig.STATE_DIR.name(), dir.resolve("state").toString()));
    try {
      await("enrich ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .ignoreExceptions().until(() -> OpsFixtures.get("http://localhost:" + port + "/health/ready").statusCode() == 200);

      // when
      enrich.destroy();
      boolean exited = enrich.waitFor(2, TimeUnit.MINUTES);

      // then
      assertThat(exited).as("enrich exited after SIGTERM").isTrue();
      assertThat(enrich.exitValue()).isEqualTo(EXIT_ON_SIGTERM);
      assertThat(jsonLines(output)).extracting(e -> e.path("message").asText())
          .contains("Stopping enrich", "enrich streams PENDING_SHUTDOWN -> NOT_RUNNING");
    } finally {
      enrich.destroyForcibly();
    }
  }

  /** {@code bin/newsflow COMMAND} with JSON logs to a file, as in a container. */
  private static Process launch(Path output, String command, Map<String, String> settings) throws IOException {
    Path root = RepoFiles.root();
    ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/newsflow").toString(), command)
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("NEWSFLOW_") || name.startsWith("KAFKA_"));
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("NEWSFLOW_LOG_FORMAT", "json");
    env.put("NEWSFLOW_JAVA_OPTS", "-Xmx512m");
    env.putAll(settings);
    return builder.start();
  }

  /** The process's output: every line must be one JSON object. */
  private static List<JsonNode> jsonLines(Path log) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.isBlank()) {
        continue;
      }
      assertThat(line).as("log line").startsWith("{").endsWith("}");
      events.add(Json.mapper().readTree(line));
    }
    return events;
  }
}

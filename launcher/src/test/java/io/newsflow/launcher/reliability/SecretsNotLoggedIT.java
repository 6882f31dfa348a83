package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets given to a service (an API token from a {@code _FILE} secret, SASL JAAS passwords from a variable and from
 * a {@code _FILE} secret) never appear in its output, through start, accepted and refused requests, and shutdown.
 */
class SecretsNotLoggedIT {

  private static final String TOKEN = "tok-3f9a1c7e5b2d48a6";
  private static final String OTHER_TOKEN = "tok-env-77c2a9d1e0";
  private static final String JAAS_PASSWORD = "jaas-pw-c4e8b2a61d";
  private static final String JAAS_FILE_PASSWORD = "jaas-file-pw-9b17e3f0a2";

  @TempDir
  Path dir;

  @Test
  void neverWritesTheApiTokenOrTheKafkaPasswordToTheLog() throws Exception {
    // given
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.startTemporary()) {
      TopicAdmin.createTopics(KafkaSettings.common(Settings.from(Map.of()), kafka.bootstrapServers()), 1, (short) 1);
      Path tokens = Files.writeString(dir.resolve("tokens"), "wire:" + TOKEN + "\n");
      Path jaas = Files.writeString(dir.resolve("kafka-jaas"), "org.apache.kafka.common.security.plain.PlainLoginModule "
          + "required username=\"newsflow\" password=\"" + JAAS_FILE_PASSWORD + "\";\n");
      int port = Ports.free();
      ServiceProcess ingest = ServiceProcess.newsflow("ingest", Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
          "NEWSFLOW_INGEST_PORT", String.valueOf(port),
          "NEWSFLOW_API_TOKENS_FILE", tokens.toString(),
          "NEWSFLOW_API_TOKENS", "ignored:" + OTHER_TOKEN,
          // PLAINTEXT ignores it, but the client configuration carries it like a real SASL password
          "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required "
              + "username=\"newsflow\" password=\"" + JAAS_PASSWORD + "\";",
          "KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString(),
          "NEWSFLOW_JAVA_OPTS", "-Xmx256m"), Files.createDirectories(dir.resolve("logs")));
      Newsroom newsroom = new Newsroom(port, TOKEN);
      int accepted;
      int refused;
      try {
        ingest.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> newsroom.ready("http://localhost:" + port + "/health/ready"));

        // when
        accepted = newsroom.post("urn:secrets:1", 1, "Secrets stay secret");
        refused = newsroom.post("application/json", "{\"headline\":\"x\",\"body\":\"y\"}", OTHER_TOKEN + "-wrong");
      } finally {
        ingest.close();
      }

      // then
      assertThat(accepted).isEqualTo(202);
      assertThat(refused).isEqualTo(403);
      String output = ingest.output();
      assertThat(output).contains("Accepted story urn:secrets:1");
      assertThat(output).doesNotContain(TOKEN).doesNotContain(OTHER_TOKEN).doesNotContain(JAAS_PASSWORD)
          .doesNotContain(JAAS_FILE_PASSWORD);
    }
  }
}

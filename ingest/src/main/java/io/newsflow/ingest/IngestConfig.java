package io.newsflow.ingest;

import io.newsflow.platform.config.Secrets;
import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Settings of the ingest service, read from the environment.
 *
 * @param port         HTTP port of the ingest API
 * @param maxBodyBytes largest request accepted
 * @param apiTokens    {@code source:token} pairs; the source recorded on an article is its token's
 * @param ackTimeout   how long a request waits for Kafka's acknowledgement before answering 503
 */
public record IngestConfig(int port, long maxBodyBytes, String apiTokens, Duration ackTimeout, Properties producer) {

  public static final Setting PORT = new Setting("NEWSFLOW_INGEST_PORT", "8080", "HTTP port of the ingest API");
  public static final Setting MAX_BODY = new Setting("NEWSFLOW_INGEST_MAX_BODY_BYTES", "2097152",
      "Largest request body accepted (bytes); larger requests get 413");
  public static final Setting API_TOKENS = new Setting("NEWSFLOW_API_TOKENS", "",
      "Write credentials as source:token pairs, comma-separated; the source recorded on an article is its token's");
  public static final Setting API_TOKENS_FILE = new Setting("NEWSFLOW_API_TOKENS_FILE", "",
      "File holding NEWSFLOW_API_TOKENS (a Docker or Kubernetes secret); wins over the variable");
  public static final Setting ACK_TIMEOUT = new Setting("NEWSFLOW_INGEST_ACK_TIMEOUT", "10s",
      "How long a request waits for Kafka to acknowledge before answering 503");
  public static final Setting BOOTSTRAP = new Setting("KAFKA_BOOTSTRAP_SERVERS", KafkaSettings.DEFAULT_BOOTSTRAP,
      "Kafka cluster; without it bin/newsflow run starts an embedded broker");

  public static final List<Setting> SETTINGS = List.of(PORT, MAX_BODY, API_TOKENS, API_TOKENS_FILE, ACK_TIMEOUT);

  public static IngestConfig from(Settings settings) {
    String tokens = settings.find(API_TOKENS_FILE).map(f -> Secrets.readFile(Path.of(f)))
        .orElseGet(() -> settings.find(API_TOKENS).orElse(""));
    return new IngestConfig(
        settings.getInt(PORT),
        settings.getLong(MAX_BODY),
        tokens,
        settings.getDuration(ACK_TIMEOUT),
        KafkaSettings.producer(settings, settings.get(BOOTSTRAP), "newsflow-ingest"));
  }
}

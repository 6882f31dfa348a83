package io.newsflow.launcher;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.Enricher;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: a broker (embedded unless a cluster is configured), the topics, and the
 * ingest, enrich and sink services. {@code bin/newsflow run} and the end-to-end tests start exactly this.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private final EmbeddedKafkaCluster kafka;
  private final String bootstrap;
  private final IngestService ingest;
  private final EnrichService enrich;
  private final SinkService sink;

  private Pipeline(EmbeddedKafkaCluster kafka, String bootstrap, IngestService ingest, EnrichService enrich, SinkService sink) {
    this.kafka = kafka;
    this.bootstrap = bootstrap;
    this.ingest = ingest;
    this.enrich = enrich;
    this.sink = sink;
  }

  /**
   * Starts everything. {@code env} is the environment (settings); {@code dataDir} holds the embedded broker's
   * data and the Streams state unless the environment says otherwise; {@code embeddedPort} 0 picks free ports.
   */
  public static Pipeline start(Map<String, String> env, Path dataDir, int embeddedPort, Supplier<Enricher> enricher)
      throws IOException {
    Settings given = Settings.from(env);
    EmbeddedKafkaCluster kafka = null;
    String bootstrap;
    if (given.isSet("KAFKA_BOOTSTRAP_SERVERS")) {
      bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
    } else {
      kafka = EmbeddedKafkaCluster.builder().dataDir(dataDir.resolve("kafka")).firstPort(embeddedPort).start();
      bootstrap = kafka.bootstrapServers();
    }
    Map<String, String> withDefaults = new HashMap<>(env);
    withDefaults.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    withDefaults.putIfAbsent(EnrichConfig.STATE_DIR.name(), dataDir.resolve("streams").toString());
    withDefaults.putIfAbsent(SinkConfig.STATE_DIR.name(), dataDir.resolve("streams").toString());
    Settings settings = Settings.from(withDefaults);

    TopicAdmin.createTopics(KafkaSettings.common(settings, bootstrap), settings.getInt(LauncherSettings.PARTITIONS),
        (short) settings.getInt(LauncherSettings.REPLICATION));
    IngestService ingest = IngestService.start(IngestConfig.from(settings));
    EnrichService enrich = EnrichService.start(EnrichConfig.from(settings, bootstrap), enricher.get());
    SinkService sink = SinkService.start(SinkConfig.from(settings, bootstrap));
    log.info("Pipeline started: Kafka {}, ingest on port {}", bootstrap, ingest.port());
    return new Pipeline(kafka, bootstrap, ingest, enrich, sink);
  }

  public String bootstrapServers() {
    return bootstrap;
  }

  public int ingestPort() {
    return ingest.port();
  }

  /** {@code /health/ready} of ingest, enrich and sink, in that order. */
  public List<URI> readinessUrls() {
    return List.of(ready(ingest.port()), ready(enrich.httpPort()), ready(sink.httpPort()));
  }

  private static URI ready(int port) {
    return URI.create("http://localhost:" + port + "/health/ready");
  }

  public EnrichService enrich() {
    return enrich;
  }

  public SinkService sink() {
    return sink;
  }

  /** Stops in reverse order of start: nothing accepted is left half-processed by a missing broker. */
  @Override
  public void close() {
    ingest.close();
    enrich.close();
    sink.close();
    if (kafka != null) {
      kafka.close();
    }
  }
}

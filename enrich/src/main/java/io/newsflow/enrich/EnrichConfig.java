package io.newsflow.enrich;

import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich service.
 *
 * @param httpPort port of /health and /metrics
 * @param streams  Kafka Streams properties (exactly-once v2, dead letters to news.deadletter)
 */
public record EnrichConfig(int httpPort, Properties streams) {

  public static final Setting HTTP_PORT = new Setting("NEWSFLOW_ENRICH_HTTP_PORT", "8081",
      "Port of the enrich service's /health and /metrics");
  public static final Setting APPLICATION_ID = new Setting("NEWSFLOW_ENRICH_APPLICATION_ID", "newsflow-enrich",
      "Kafka Streams application id: instances with the same id share the work");
  public static final Setting STATE_DIR = new Setting("NEWSFLOW_ENRICH_STATE_DIR", "/tmp/newsflow/enrich",
      "Kafka Streams state directory (keep it on a volume)");
  public static final Setting THREADS = new Setting("NEWSFLOW_ENRICH_THREADS", "1",
      "Stream threads per enrich instance");

  public static final List<Setting> SETTINGS = List.of(HTTP_PORT, APPLICATION_ID, STATE_DIR, THREADS);

  public static EnrichConfig from(Settings settings, String bootstrap) {
    Properties props = KafkaSettings.streams(settings, bootstrap, settings.get(APPLICATION_ID), settings.get(STATE_DIR));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(settings.getInt(THREADS)));
    return new EnrichConfig(settings.getInt(HTTP_PORT), props);
  }
}

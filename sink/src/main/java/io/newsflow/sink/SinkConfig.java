package io.newsflow.sink;

import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.util.List;
import java.util.Properties;

/**
 * Settings of the sink service.
 *
 * @param httpPort port of the subscriptions API, /health and /metrics
 * @param streams  Kafka Streams properties
 */
public record SinkConfig(int httpPort, Properties streams) {

  public static final Setting HTTP_PORT = new Setting("NEWSFLOW_SINK_PORT", "8082",
      "Port of the sink's subscriptions API, /health and /metrics");
  public static final Setting APPLICATION_ID = new Setting("NEWSFLOW_SINK_APPLICATION_ID", "newsflow-sink",
      "Kafka Streams application id of the sink");
  public static final Setting STATE_DIR = new Setting("NEWSFLOW_SINK_STATE_DIR", "/tmp/newsflow/sink",
      "Kafka Streams state directory of the sink");

  public static final List<Setting> SETTINGS = List.of(HTTP_PORT, APPLICATION_ID, STATE_DIR);

  public static SinkConfig from(Settings settings, String bootstrap) {
    return new SinkConfig(settings.getInt(HTTP_PORT),
        KafkaSettings.streams(settings, bootstrap, settings.get(APPLICATION_ID), settings.get(STATE_DIR)));
  }
}

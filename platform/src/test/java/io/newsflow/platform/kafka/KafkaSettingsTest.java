package io.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.config.Settings;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

  @Test
  void aDeadGroupMemberTimesOutWithinTheRecoveryBudgetUnlessConfiguredOtherwise() {
    Properties streams = KafkaSettings.streams(Settings.from(Map.of()), "localhost:9092", "app", "/tmp/state");

    assertThat(streams.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("10000");
    assertThat(streams.getProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG)).isEqualTo("3000");
  }

  @Test
  void theEnvironmentOverridesTheGroupDefaults() {
    Properties streams = KafkaSettings.streams(Settings.from(Map.of("KAFKA_SESSION_TIMEOUT_MS", "45000")),
        "localhost:9092", "app", "/tmp/state");

    assertThat(streams.getProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)).isEqualTo("45000");
  }
}

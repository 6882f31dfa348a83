package io.newsflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static final Setting PORT = new Setting("NEWSFLOW_TEST_PORT", "8080", "a port");
  private static final Setting TIMEOUT = new Setting("NEWSFLOW_TEST_TIMEOUT", "5s", "a timeout");
  private static final Setting TOKEN = new Setting("NEWSFLOW_TEST_TOKEN", "", "a secret");

  @Test
  void usesTheDefaultWhenAVariableIsUnsetOrBlank() {
    Settings settings = Settings.from(Map.of("NEWSFLOW_TEST_PORT", "  "));

    assertThat(settings.getInt(PORT)).isEqualTo(8080);
    assertThat(settings.getDuration(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void explainsAMalformedValueByName() {
    Settings settings = Settings.from(Map.of("NEWSFLOW_TEST_PORT", "eighty"));

    assertThatThrownBy(() -> settings.getInt(PORT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NEWSFLOW_TEST_PORT").hasMessageContaining("eighty");
  }

  @Test
  void requiresASettingWithoutDefault() {
    assertThatThrownBy(() -> Settings.from(Map.of()).get(TOKEN))
        .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_TEST_TOKEN is required");
  }

  @Test
  void passesKafkaVariablesThroughAsClientProperties() {
    Settings settings = Settings.from(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
        "NEWSFLOW_TEST_PORT", "1"));

    assertThat(settings.kafkaProperties())
        .containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;")
        .hasSize(3);
  }

  @Test
  void reportsUnknownNewsflowVariablesOnly() {
    Settings settings = Settings.from(Map.of("NEWSFLOW_TEST_PORT", "1", "NEWSFLOW_TEST_PROT", "2", "HOME", "/root"));

    assertThat(settings.unknown(List.of(PORT, TIMEOUT))).containsExactly("NEWSFLOW_TEST_PROT");
  }

  @Test
  void masksSecretsWhenDescribingTheConfiguration() {
    Settings settings = Settings.from(Map.of("NEWSFLOW_TEST_TOKEN", "s3cr3t"));

    assertThat(settings.describe(List.of(PORT, TOKEN)))
        .containsEntry("NEWSFLOW_TEST_TOKEN", "****")
        .containsEntry("NEWSFLOW_TEST_PORT", "8080")
        .doesNotContainValue("s3cr3t");
  }

  @Test
  void readsDurationsInTheUnitsOperatorsWrite() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
  }
}

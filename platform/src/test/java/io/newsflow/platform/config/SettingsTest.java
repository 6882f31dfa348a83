package io.newsflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  private static final Setting PORT = new Setting("NEWSFLOW_TEST_PORT", "8080", "a port");
  private static final Setting TIMEOUT = new Setting("NEWSFLOW_TEST_TIMEOUT", "5s", "a timeout");
  private static final Setting TOKEN = new Setting("NEWSFLOW_TEST_TOKEN", "", "a secret");

  @TempDir
  Path dir;

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

  @Test
  void readsASettingFromTheFileItsFileVariableNamesAndPrefersItToTheVariable() throws IOException {
    // given
    Path secret = Files.writeString(dir.resolve("token"), "wire:from-file\n");
    Settings settings = Settings.from(Map.of(
        "NEWSFLOW_TEST_TOKEN_FILE", secret.toString(),
        "NEWSFLOW_TEST_TOKEN", "wire:from-variable",
        "NEWSFLOW_TEST_PORT_FILE", Files.writeString(dir.resolve("port"), " 9090 ").toString()));

    // when
    String token = settings.get(TOKEN);
    int port = settings.getInt(PORT);

    // then
    assertThat(token).isEqualTo("wire:from-file");
    assertThat(port).isEqualTo(9090);
    assertThat(settings.unknown(List.of(PORT, TOKEN))).isEmpty();
  }

  @Test
  void readsAKafkaSecretFromAFileAndDoesNotPassTheFileVariableOn() throws IOException {
    // given
    String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"n\" password=\"p\";";
    Path secret = Files.writeString(dir.resolve("jaas"), jaas + "\n");
    Settings settings = Settings.from(Map.of(
        "KAFKA_SASL_JAAS_CONFIG_FILE", secret.toString(),
        "KAFKA_SSL_TRUSTSTORE_PASSWORD_FILE", Files.writeString(dir.resolve("tspw"), "changeit").toString()));

    // when
    var props = settings.kafkaProperties();

    // then
    assertThat(props)
        .containsEntry("sasl.jaas.config", jaas)
        .containsEntry("ssl.truststore.password", "changeit")
        .hasSize(2);
  }

  @Test
  void passesAKafkaSettingWhoseOwnNameEndsInFileThroughAsAPath() {
    // given: sasl.oauthbearer.assertion.file is a Kafka client setting that takes a path
    Settings settings = Settings.from(Map.of("KAFKA_SASL_OAUTHBEARER_ASSERTION_FILE", "/run/secrets/assertion.jwt"));

    // when
    var props = settings.kafkaProperties();

    // then
    assertThat(props).containsEntry("sasl.oauthbearer.assertion.file", "/run/secrets/assertion.jwt").hasSize(1);
  }

  @Test
  void namesTheFileVariableButNotTheContentWhenTheFileCannotBeRead() {
    assertThatThrownBy(() -> Settings.from(Map.of("NEWSFLOW_TEST_TOKEN_FILE", dir.resolve("missing").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NEWSFLOW_TEST_TOKEN_FILE")
        .hasMessageContaining("missing");
  }

  @Test
  void masksEveryValueReadFromAFileWhenDescribingTheConfiguration() throws IOException {
    // given: a setting whose name does not look secret, given by a file
    Setting url = new Setting("NEWSFLOW_TEST_URL", "", "a URL with credentials");
    Settings settings = Settings.from(Map.of(
        "NEWSFLOW_TEST_URL_FILE", Files.writeString(dir.resolve("url"), "https://user:pw-91c3@host").toString(),
        "NEWSFLOW_TEST_TOKEN_FILE", Files.writeString(dir.resolve("token"), "tok-5e1d").toString()));

    // when
    Map<String, String> described = settings.describe(List.of(url, TOKEN, PORT));

    // then
    assertThat(described)
        .containsEntry("NEWSFLOW_TEST_URL", "****")
        .containsEntry("NEWSFLOW_TEST_TOKEN", "****")
        .containsEntry("NEWSFLOW_TEST_PORT", "8080");
    assertThat(described.toString()).doesNotContain("pw-91c3").doesNotContain("tok-5e1d");
  }

  @Test
  void reportsAFileVariableOfNoKnownSettingAsUnknown() throws IOException {
    Settings settings = Settings.from(Map.of(
        "NEWSFLOW_TEST_TOKNE_FILE", Files.writeString(dir.resolve("t"), "x").toString()));

    assertThat(settings.unknown(List.of(PORT, TOKEN))).containsExactly("NEWSFLOW_TEST_TOKNE_FILE");
  }
}

package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.platform.config.Settings;
import io.newsflow.sink.SinkConfig;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** TLS and SASL settings reach every Kafka client of every service from the KAFKA_* variables. */
class KafkaSecuritySettingsTest {

  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
      + "username=\"newsflow\" password=\"s3cret\";";

  private static final Map<String, String> ENV = Map.of(
      "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
      "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
      "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
      "KAFKA_SASL_JAAS_CONFIG", JAAS,
      "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/newsflow/truststore.p12",
      "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
      "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "https");

  @Test
  void mapsTheKafkaVariablesToClientProperties() {
    // given
    Settings settings = Settings.from(ENV);

    // when
    Properties props = settings.kafkaProperties();

    // then
    assertThat(props)
        .containsEntry("bootstrap.servers", "kafka-1:9093")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("ssl.truststore.location", "/etc/newsflow/truststore.p12")
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry("ssl.endpoint.identification.algorithm", "https");
  }

  @Test
  void passesTheSecuritySettingsToTheIngestProducerAndToBothStreamsApplications() {
    // given
    Settings settings = Settings.from(ENV);

    // when
    Properties producer = IngestConfig.from(settings).producer();
    Properties enrich = EnrichConfig.from(settings, "ignored:9092").streams();
    Properties sink = SinkConfig.from(settings, "ignored:9092").streams();

    // then
    for (Properties props : new Properties[] {producer, enrich, sink}) {
      assertThat(props)
          .containsEntry("bootstrap.servers", "kafka-1:9093")
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
          .containsEntry("sasl.jaas.config", JAAS)
          .containsEntry("ssl.truststore.location", "/etc/newsflow/truststore.p12");
    }
    assertThat(producer).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
    assertThat(enrich).containsEntry("processing.guarantee", "exactly_once_v2");
    assertThat(sink).containsEntry("processing.guarantee", "exactly_once_v2");
  }

  @Test
  void masksSecretsWhenSettingsAreDescribedForTheLog() {
    // given
    Settings settings = Settings.from(Map.of("NEWSFLOW_API_TOKENS", "wire:t0ken"));

    // when
    Map<String, String> described = settings.describe(java.util.List.of(IngestConfig.API_TOKENS));

    // then
    assertThat(described).containsEntry("NEWSFLOW_API_TOKENS", "****");
    assertThat(described.toString()).doesNotContain("t0ken");
  }
}

package io.newsflow.platform.config;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The names of the settings Kafka's own clients define, so that a {@code KAFKA_..._FILE} variable that is one of
 * them ({@code sasl.oauthbearer.assertion.file}) is passed through rather than read as a secret file.
 */
final class KafkaClientSettings {

  private static final Set<String> NAMES = names();

  private KafkaClientSettings() {}

  static boolean isKnown(String property) {
    return NAMES.contains(property);
  }

  private static Set<String> names() {
    Set<String> names = new HashSet<>();
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    names.addAll(StreamsConfig.configDef().names());
    return Set.copyOf(names);
  }
}

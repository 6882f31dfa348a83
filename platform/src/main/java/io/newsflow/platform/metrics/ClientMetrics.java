package io.newsflow.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.Producer;

/**
 * Kafka client metrics (record send rate, request latency, buffer use, errors) of a plain producer on a
 * service's registry; Streams clients get theirs from {@code StreamsRunner}. Close the returned binder
 * before the producer.
 */
public final class ClientMetrics {

  private ClientMetrics() {}

  public static KafkaClientMetrics bind(Producer<?, ?> producer, MeterRegistry registry) {
    KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
    return metrics;
  }
}

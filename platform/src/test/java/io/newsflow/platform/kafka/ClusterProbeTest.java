package io.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.http.Health;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Readiness of a producing service follows whether Kafka answers. */
class ClusterProbeTest {

  @Test
  void aServiceThatCannotReachKafkaIsLiveButNotReady() throws Exception {
    // given: a bootstrap address where nothing listens, and producer settings the admin client does not know
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Properties producer = new Properties();
    producer.put("bootstrap.servers", "localhost:" + port);
    producer.put("acks", "all");
    producer.put("client.id", "ingest");

    try (ClusterProbe probe = ClusterProbe.create(producer, Duration.ofMillis(500), Duration.ofSeconds(5))) {
      // when
      Health health = probe.health();

      // then
      assertThat(health.live()).isTrue();
      assertThat(health.ready()).isFalse();
      assertThat(health.details()).containsEntry("kafka", "unreachable").containsKey("kafkaError");
      assertThat(probe.reachable()).isFalse();
    }
  }
}

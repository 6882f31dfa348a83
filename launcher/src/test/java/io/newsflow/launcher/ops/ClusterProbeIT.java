package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.kafka.ClusterProbe;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Ingest's readiness probe follows the broker: ready while it answers, not ready once it is gone. */
class ClusterProbeIT {

  @Test
  void isReadyWhileTheBrokerAnswersAndNotReadyOnceItStops() {
    // given
    EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.startTemporary();
    Properties producer = new Properties();
    producer.put("bootstrap.servers", kafka.bootstrapServers());
    producer.put("acks", "all");

    try (ClusterProbe probe = ClusterProbe.create(producer, Duration.ofSeconds(5), Duration.ofMillis(200))) {
      // when / then
      await("broker reachable").atMost(Duration.ofMinutes(1)).until(() -> probe.health().ready());
      assertThat(probe.health().details()).containsEntry("kafka", "reachable");

      kafka.stopNode(0);

      await("broker unreachable").atMost(Duration.ofMinutes(2)).until(() -> !probe.health().ready());
      assertThat(probe.health().live()).isTrue();
      assertThat(probe.health().details()).containsEntry("kafka", "unreachable");
    } finally {
      kafka.close();
    }
  }
}

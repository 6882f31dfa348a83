package io.newsflow.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's promise: a broker started again on the same directory keeps what was written. */
class EmbeddedKafkaClusterRestartTest {

  @TempDir
  Path dataDir;

  @Test
  void keepsRecordsAcrossARestartOnTheSameDirectory() throws Exception {
    int port = freePortPair();
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().dataDir(dataDir).firstPort(port).start()) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "story-1", "first")).get();
        producer.send(new ProducerRecord<>("kept", "story-2", "second")).get();
      }
    }

    try (EmbeddedKafkaCluster again = EmbeddedKafkaCluster.builder().dataDir(dataDir).firstPort(port).start()) {
      assertThat(readAll(again.bootstrapServers(), "kept", 2)).containsExactly("story-1=first", "story-2=second");
    }
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (seen.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          seen.add(r.key() + "=" + r.value());
        }
      }
    }
    return seen;
  }

  /** Two consecutive free ports: the broker and its controller. */
  private static int freePortPair() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      try (ServerSocket next = new ServerSocket(port + 1); ServerSocket first = new ServerSocket(port)) {
        return port;
      } catch (java.io.IOException taken) {
        // try another pair
      }
    }
    throw new IllegalStateException("No two consecutive free ports");
  }
}

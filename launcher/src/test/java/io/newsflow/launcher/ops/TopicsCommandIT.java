package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.launcher.commands.TopicsCommand;
import io.newsflow.platform.config.Settings;
import io.newsflow.schemas.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

/** The compose file's one-shot {@code topics} step creates the catalogue with the configured partitions. */
class TopicsCommandIT {

  @Test
  void createsEveryCatalogueTopicWithTheConfiguredPartitionCount() throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.startTemporary()) {
      // given
      Settings settings = Settings.from(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
          "NEWSFLOW_PARTITIONS", "5",
          "NEWSFLOW_REPLICATION_FACTOR", "1"));

      // when: run twice, as a restarted compose project would
      TopicsCommand.createTopics(settings);
      TopicsCommand.createTopics(settings);

      // then
      Properties props = new Properties();
      props.put("bootstrap.servers", kafka.bootstrapServers());
      try (Admin admin = Admin.create(props)) {
        Map<String, TopicDescription> topics = admin.describeTopics(
            Topics.ALL.stream().map(Topics.Topic::name).toList()).allTopicNames().get();
        Map<String, Integer> partitions = topics.values().stream()
            .collect(Collectors.toMap(TopicDescription::name, t -> t.partitions().size()));
        assertThat(partitions).hasSize(Topics.ALL.size()).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(5));
      }
    }
  }
}

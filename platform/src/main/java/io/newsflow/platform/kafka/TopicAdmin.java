package io.newsflow.platform.kafka;

import io.newsflow.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the catalogue's topics that do not exist yet, with the configured partitions and replication. */
public final class TopicAdmin {

  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /**
   * @param partitions  partitions of each topic (the unit of parallelism of enrich and sink)
   * @param replication replication factor, or -1 for the broker default
   */
  public static void createTopics(Properties clientProps, int partitions, short replication) {
    try (Admin admin = Admin.create(clientProps)) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topics.Topic<?, ?> topic : Topics.ALL) {
        if (existing.contains(topic.name())) {
          continue;
        }
        NewTopic created = replication > 0
            ? new NewTopic(topic.name(), partitions, replication)
            : new NewTopic(topic.name(), java.util.Optional.of(partitions), java.util.Optional.empty());
        if (topic.compacted()) {
          created.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        missing.add(created);
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get();
        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
        return;
      }
      throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    }
  }
}

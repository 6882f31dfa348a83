package io.newsflow.launcher;

import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a JSON topic as a downstream consumer does: committed records only, folded by key into the latest
 * value (a tombstone removes the key), as a compacted topic would end up.
 */
public final class IndexTopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, String> latest = new HashMap<>();
  private final List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();

  public IndexTopicReader(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
  }

  public static IndexTopicReader index(String bootstrap) {
    return new IndexTopicReader(bootstrap, Topics.INDEX.name());
  }

  /** Polls once and folds what arrived; returns the current view. */
  public Map<String, String> poll() {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      records.add(record);
      if (record.value() == null) {
        latest.remove(record.key());
      } else {
        latest.put(record.key(), record.value());
      }
    }
    return Map.copyOf(latest);
  }

  /** Every record read so far, in order, including tombstones. */
  public List<ConsumerRecord<String, String>> records() {
    return List.copyOf(records);
  }

  @Override
  public void close() {
    consumer.close();
  }
}

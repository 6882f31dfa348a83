package io.newsflow.bench.pipeline;

import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from its current end with a read_committed consumer (what a downstream consumer sees) and notes
 * when each story id first arrives, on the same monotonic clock the poster uses.
 */
final class IndexWatcher implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private final Map<String, Integer> documents = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  IndexWatcher(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-bench-" + topic);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // resolve the end offsets now, so nothing posted from here on is missed
    partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
    thread = new Thread(this::poll, "bench-watch-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  static IndexWatcher onIndex(String bootstrap) {
    return new IndexWatcher(bootstrap, Topics.INDEX.name());
  }

  /** Stories enrich recorded as duplicates (exact resends, late old versions): accounted for, never indexed. */
  static IndexWatcher onDuplicates(String bootstrap) {
    return new IndexWatcher(bootstrap, Topics.DUPLICATES.name());
  }

  private void poll() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          if (record.key() != null && record.value() != null) {
            arrivals.putIfAbsent(record.key(), now);
            documents.merge(record.key(), 1, Integer::sum);
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** When the story first arrived (System.nanoTime), or null. */
  Long arrival(String id) {
    return arrivals.get(id);
  }

  /** How many of {@code ids} had more than one document on the topic: each version is posted once here. */
  int duplicates(List<String> ids) {
    return (int) ids.stream().filter(id -> documents.getOrDefault(id, 0) > 1).count();
  }

  /** Whether every id is on this topic or on {@code other}'s. */
  boolean seenAll(List<String> ids, IndexWatcher other) {
    return ids.stream().allMatch(id -> arrivals.containsKey(id) || other.arrivals.containsKey(id));
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}

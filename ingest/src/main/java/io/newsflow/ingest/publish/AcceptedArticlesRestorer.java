package io.newsflow.ingest.publish;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code news.raw} from the beginning to its current end at start, so ingest still knows what it accepted
 * after a restart and a resend is not published twice. No consumer group: the partitions are assigned and the
 * offsets are never committed.
 */
public final class AcceptedArticlesRestorer {

  private static final Logger log = LoggerFactory.getLogger(AcceptedArticlesRestorer.class);

  private AcceptedArticlesRestorer() {}

  /** Number of versions restored; 0 when the topic does not exist yet. */
  public static long restore(Properties clientProps, AcceptedArticles accepted, Duration timeout) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Deserializer<RawArticle> values = Topics.RAW.valueSerde().deserializer();
    long restored = 0;
    long skipped = 0;
    Instant deadline = Instant.now().plus(timeout);
    try (KafkaConsumer<String, byte[]> consumer =
             new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> partitions = consumer.partitionsFor(Topics.RAW.name(), timeout);
      if (partitions == null || partitions.isEmpty()) {
        log.info("{} does not exist yet: nothing to restore", Topics.RAW.name());
        return 0;
      }
      List<TopicPartition> assigned = partitions.stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, timeout));
      end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
      while (!end.isEmpty()) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Restoring accepted articles from " + Topics.RAW.name()
              + " took longer than " + timeout + "; raise NEWSFLOW_INGEST_RESTORE_TIMEOUT");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          try {
            accepted.restore(values.deserialize(record.topic(), record.value()));
            restored++;
          } catch (RuntimeException e) {
            skipped++;
          }
        }
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
      }
    }
    log.info("Restored {} accepted versions of {} stories from {} ({} unreadable records skipped)",
        restored, accepted.stories(), Topics.RAW.name(), skipped);
    return restored;
  }
}

package io.newsflow.ingest.stories;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link StoryView} up to date from {@code news.stories} on a background thread: every partition assigned
 * (no consumer group, nothing committed), read from the beginning and then followed, {@code read_committed} since
 * enrich writes it in transactions. Start-up does not wait for it: ingest is ready at once and, until the view has
 * caught up, leaves to enrich what the view cannot decide yet.
 */
public final class StoryViewReader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StoryViewReader.class);
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KafkaConsumer<String, String> consumer;
  private final StoryView view;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private StoryViewReader(Properties clientProps, StoryView view) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-stories");
    // the topic is compacted: created by the topic set-up (or enrich's deployment), never by this reader's metadata
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    this.view = view;
    this.thread = new Thread(this::run, "story-view");
    this.thread.setDaemon(true);
  }

  /** Starts following {@code news.stories} into {@code view}. */
  public static StoryViewReader start(Properties clientProps, StoryView view) {
    StoryViewReader reader = new StoryViewReader(clientProps, view);
    reader.thread.start();
    return reader;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long read = 0;
      while (running.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          apply(record);
          read++;
        }
        if (read > 0 && log.isDebugEnabled()) {
          log.debug("Story view holds {} stories", view.stories());
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (RuntimeException e) {
      log.error("Stopped following {}: {}; ingest leaves every decision to enrich from now on",
          Topics.STORIES.name(), e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The topic's partitions, waiting for enrich to create it when it does not exist yet. */
  private List<TopicPartition> awaitPartitions() {
    while (running.get()) {
      try {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.STORIES.name(), RETRY);
        if (infos != null && !infos.isEmpty()) {
          return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        log.debug("{} not reachable yet: {}", Topics.STORIES.name(), e.getMessage());
      }
      try {
        Thread.sleep(RETRY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
    return List.of();
  }

  private void apply(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      view.update(record.key(), null);
      return;
    }
    try {
      JsonNode json = Json.mapper().readTree(record.value());
      view.update(record.key(), new StoryView.State(json.path("owner").asText(null), json.path("version").asLong(),
          json.path("textDigest").asText(null), json.path("killed").asBoolean(false)));
    } catch (java.io.IOException | RuntimeException e) {
      log.warn("Unreadable {} record for story {} at {}-{}@{} skipped: {}", Topics.STORIES.name(), record.key(),
          record.topic(), record.partition(), record.offset(), e.getMessage().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

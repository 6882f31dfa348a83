package io.newsflow.sink.alerts.delivery;

import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed alerts from {@code news.alerts} on its own thread and hands each to a listener. Either as a
 * member of a consumer group (webhook delivery: each alert delivered by one instance, offsets committed once
 * handed over) or on every partition from the end (the live stream for dashboards: every instance sees all).
 */
public final class AlertConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

  /** Receives one alert; may block to push back on the consumer. */
  @FunctionalInterface
  public interface Listener {
    void onAlert(String subscriptionId, String alertJson) throws InterruptedException;
  }

  private final KafkaConsumer<String, String> consumer;
  private final Listener listener;
  private final String groupId;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private AlertConsumer(Properties common, String groupId, String name, Listener listener) {
    Properties props = new Properties();
    props.putAll(common);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
    if (groupId != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    this.listener = listener;
    this.groupId = groupId;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /** A group member: alerts are shared out among the instances, and resumed after the last handed over. */
  public static AlertConsumer grouped(Properties common, String groupId, Listener listener) {
    return new AlertConsumer(common, groupId, "sink-alert-delivery", listener);
  }

  /** Every partition from its end: alerts from now on, all of them, on every instance. */
  public static AlertConsumer live(Properties common, Listener listener) {
    return new AlertConsumer(common, null, "sink-alert-stream", listener);
  }

  public AlertConsumer start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      if (groupId == null) {
        List<TopicPartition> partitions = List.of();
        // the topic may not exist yet when the sink starts before the topics are created
        while (partitions.isEmpty() && running.get()) {
          partitions = consumer.partitionsFor(Topics.ALERTS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
          if (partitions.isEmpty()) {
            Thread.sleep(1_000);
          }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
      } else {
        consumer.subscribe(List.of(Topics.ALERTS.name()));
      }
      while (running.get()) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> r : records) {
          if (r.value() != null) {
            listener.onAlert(r.key(), r.value());
          }
        }
        if (groupId != null && !records.isEmpty()) {
          consumer.commitAsync();
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("{} stopped: {}", thread.getName(), e.getMessage(), e);
    } finally {
      try {
        if (groupId != null) {
          consumer.commitSync(Duration.ofSeconds(5));
        }
      } catch (RuntimeException e) {
        log.debug("Final commit failed: {}", e.getMessage());
      }
      consumer.close(java.time.Duration.ofSeconds(5));
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.newsflow.sink.alerts.delivery;

import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committed alerts from {@code news.alerts} on its own thread and hands each to a listener. Either as a
 * member of a consumer group (webhook delivery: each alert delivered by one instance; an offset is committed only
 * once the alert at it and every earlier one of its partition settled, that is were delivered or dead-lettered,
 * so alerts still pending when the process stops or crashes are delivered again after a restart) or on every
 * partition from the end (the live stream for dashboards: every instance sees all, nothing committed).
 */
public final class AlertConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertConsumer.class);

  /** Receives one alert; may block to push back on the consumer. */
  @FunctionalInterface
  public interface Listener {
    void onAlert(String subscriptionId, String alertJson) throws InterruptedException;
  }

  /**
   * Takes one alert for delivery and answers when it is settled (delivered, dead-lettered or nothing to deliver);
   * may block to push back on the consumer. A stage that never completes keeps the alert uncommitted.
   */
  @FunctionalInterface
  public interface Delivery {
    CompletionStage<?> deliver(String subscriptionId, String alertJson) throws InterruptedException;
  }

  private final KafkaConsumer<String, String> consumer;
  private final Delivery delivery;
  private final Listener listener;
  private final String groupId;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final SettledOffsets offsets = new SettledOffsets();

  private AlertConsumer(Properties common, String groupId, String name, Delivery delivery, Listener listener) {
    Properties props = new Properties();
    KafkaSettings.consumerGroupDefaults(props);
    props.putAll(common);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    if (groupId != null) {
      props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
      props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    this.delivery = delivery;
    this.listener = listener;
    this.groupId = groupId;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
  }

  /**
   * A group member: alerts are shared out among the instances; a partition resumes after the last alert that
   * settled with every alert before it.
   */
  public static AlertConsumer grouped(Properties common, String groupId, Delivery delivery) {
    return new AlertConsumer(common, groupId, "sink-alert-delivery", delivery, null);
  }

  /** Every partition from its end: alerts from now on, all of them, on every instance. */
  public static AlertConsumer live(Properties common, Listener listener) {
    return new AlertConsumer(common, null, "sink-alert-stream", null, listener);
  }

  public AlertConsumer start() {
    thread.start();
    return this;
  }

  private void run() {
    try {
      if (groupId == null) {
        assignAllFromEnd();
      } else {
        consumer.subscribe(List.of(Topics.ALERTS.name()), new CommitOnRevoke());
      }
      while (running.get()) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> r : records) {
          if (groupId == null) {
            if (r.value() != null) {
              listener.onAlert(r.key(), r.value());
            }
          } else {
            handOver(r);
          }
        }
        if (groupId != null) {
          commitSettled();
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
          // only what settled: alerts still being delivered or retried are read again by the next owner
          Map<TopicPartition, OffsetAndMetadata> settled = offsets.committable();
          consumer.commitSync(settled, Duration.ofSeconds(5));
          log.info("{} stopped; {} alerts not yet delivered stay uncommitted: the partition's next owner delivers them",
              thread.getName(), offsets.pending());
        }
      } catch (RuntimeException e) {
        log.debug("Final commit failed: {}", e.getMessage());
      }
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void assignAllFromEnd() throws InterruptedException {
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
  }

  private void handOver(ConsumerRecord<String, String> r) throws InterruptedException {
    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
    offsets.handedOver(tp, r.offset());
    CompletionStage<?> settled;
    try {
      settled = r.value() == null ? CompletableFuture.completedFuture(null) : delivery.deliver(r.key(), r.value());
    } catch (RuntimeException e) {
      // not settled: the offset stays uncommitted, and the alert is delivered again after a restart
      log.error("Alert at {}@{} could not be handed to delivery", tp, r.offset(), e);
      return;
    }
    settled.whenComplete((ok, error) -> {
      if (error == null) {
        offsets.settled(tp, r.offset());
      }
    });
  }

  private void commitSettled() {
    Map<TopicPartition, OffsetAndMetadata> settled = offsets.committable();
    if (!settled.isEmpty()) {
      consumer.commitAsync(settled, (committed, error) -> {
        if (error == null) {
          offsets.committed(committed);
        } else {
          log.debug("Commit of settled alerts failed (retried with the next): {}", error.getMessage());
        }
      });
    }
  }

  /** Before partitions move to another instance, commit what settled there; the rest is the new owner's. */
  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      Map<TopicPartition, OffsetAndMetadata> settled = offsets.committable();
      settled.keySet().retainAll(revoked);
      try {
        if (!settled.isEmpty()) {
          consumer.commitSync(settled, Duration.ofSeconds(5));
        }
      } catch (RuntimeException e) {
        log.warn("Commit on revocation failed; the new owner delivers those alerts again: {}", e.getMessage());
      }
      offsets.forget(revoked);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      // positions come from the committed offsets
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
      offsets.forget(lost);
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

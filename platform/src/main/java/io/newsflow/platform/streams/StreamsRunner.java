package io.newsflow.platform.streams;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.http.Health;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology: {@code KafkaStreams} with metrics, health from its state, a fatal error that ends the
 * service rather than leaving it hanging, and a close with a timeout.
 */
public final class StreamsRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

  private final String name;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Throwable fatal;

  public StreamsRunner(String name, Topology topology, Properties props, PrometheusMeterRegistry registry) {
    this.name = name;
    log.debug("{} topology:\n{}", name, topology.describe());
    Properties withMetrics = new Properties();
    withMetrics.putAll(props);
    withMetrics.put(DeadLetters.METRICS_CONFIG, registry);
    this.streams = new KafkaStreams(topology, withMetrics);
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
    streams.setUncaughtExceptionHandler(e -> {
      log.error("{} stream thread failed; shutting the client down", name, e);
      fatal = e;
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> {
      log.info("{} streams {} -> {}", name, before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        stopped.countDown();
      }
    });
  }

  public StreamsRunner start() {
    streams.start();
    return this;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Live while the client can still recover (REBALANCING is live); ready only when RUNNING. */
  public Health health() {
    KafkaStreams.State state = streams.state();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("streams", state.name());
    boolean live = state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
        && state != KafkaStreams.State.PENDING_ERROR;
    return new Health(live, state == KafkaStreams.State.RUNNING, details);
  }

  /**
   * Input partitions this instance processes now (its active tasks): how the work is split between
   * instances that share an application id. Empty before the first assignment and while rebalancing.
   */
  public Set<TopicPartition> activePartitions() {
    Set<TopicPartition> partitions = new TreeSet<>(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
      for (TaskMetadata task : thread.activeTasks()) {
        partitions.addAll(task.topicPartitions());
      }
    }
    return partitions;
  }

  /**
   * An interactive query on this instance's local state stores (its partitions only); throws Kafka's
   * {@code InvalidStateStoreException} while the store cannot be queried (starting, rebalancing).
   */
  public <T> T store(org.apache.kafka.streams.StoreQueryParameters<T> parameters) {
    return streams.store(parameters);
  }

  /** Blocks until the client stopped; true when it stopped because of a fatal error. */
  public boolean awaitStop() throws InterruptedException {
    stopped.await();
    return fatal != null || streams.state() == KafkaStreams.State.ERROR;
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  public void close(Duration timeout) {
    log.info("Closing {} streams (up to {} s)", name, timeout.toSeconds());
    streams.close(CloseOptions.timeout(timeout));
    metrics.close();
  }
}

package io.newsflow.platform.kafka;

import io.newsflow.platform.config.Settings;
import io.newsflow.platform.streams.DeadLetters;
import io.newsflow.schemas.Topics;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Client properties for the services: pass-through {@code KAFKA_*} settings over newsflow's defaults. */
public final class KafkaSettings {

  public static final String DEFAULT_BOOTSTRAP = "localhost:9092";
  /** Streams' commit interval unless {@code KAFKA_COMMIT_INTERVAL_MS} says otherwise (see {@link #streams}). */
  public static final String DEFAULT_COMMIT_INTERVAL_MS = "10";
  /** How long an idle stream thread's poll waits unless {@code KAFKA_POLL_MS} says otherwise. */
  public static final String DEFAULT_POLL_MS = "50";

  private KafkaSettings() {}

  /** Properties common to every client; {@code bootstrap} is used when no KAFKA_BOOTSTRAP_SERVERS is set. */
  public static Properties common(Settings settings, String bootstrap) {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.putAll(settings.kafkaProperties());
    return props;
  }

  /**
   * Group membership for every consumer group of the services: a member that died without leaving (kill -9, a lost
   * host, a whole run restarted) holds its partitions until its session times out, and with Kafka's 45 s default a
   * restarted pipeline waited that long before indexing again. 10 s (heartbeats every 3 s) moves them within the
   * recovery budget; {@code KAFKA_SESSION_TIMEOUT_MS} and {@code KAFKA_HEARTBEAT_INTERVAL_MS} override it.
   */
  public static void consumerGroupDefaults(Properties props) {
    props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
  }

  /** A producer that never loses or duplicates what Kafka acknowledged: acks=all, idempotence, compression. */
  public static Properties producer(Settings settings, String bootstrap, String clientId) {
    Properties props = new Properties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.putAll(common(settings, bootstrap));
    return props;
  }

  /**
   * Streams defaults: exactly-once v2. Output becomes visible to read_committed consumers only at a commit, and a
   * story crosses several hops, so commit timing bounds latency. A stream thread checks for a commit after each
   * batch it processes and whenever its poll returns, and commits when more than the interval has passed since
   * its last check; an idle thread wakes every {@code poll.ms}. With a short interval (10 ms) a processed story is
   * nearly always committed at once, and a longer poll (50 ms) keeps idle threads quiet. Measured on 2026-12-05
   * (bench pipeline, plumbing alone, 50 stories/s, one run each): poll 10 / commit 25 p50 153 ms, p99 212 ms,
   * 170/s as fast as it goes; poll 50 / commit 10 p50 78 ms, p99 137 ms, 193/s; idle stream threads about
   * 0.04 of a core before, 0.015 after. {@code KAFKA_COMMIT_INTERVAL_MS} and {@code KAFKA_POLL_MS} override them.
   */
  public static Properties streams(Settings settings, String bootstrap, String applicationId, String stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.POLL_MS_CONFIG, DEFAULT_POLL_MS);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    consumerGroupDefaults(props);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
    // a record that cannot be read or processed goes to the dead-letter topic (KIP-1034) and the stream goes on
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTER.name());
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.DeserializationHandler.class.getName());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.ProcessingHandler.class.getName());
    props.put("processing.exception.handler.global.enabled", "true");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    props.putAll(common(settings, bootstrap));
    return props;
  }
}

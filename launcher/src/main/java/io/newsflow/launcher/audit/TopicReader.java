package io.newsflow.launcher.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.launcher.audit.TopicContents.AlertRecord;
import io.newsflow.launcher.audit.TopicContents.DeadLetterRecord;
import io.newsflow.launcher.audit.TopicContents.DuplicateRecord;
import io.newsflow.launcher.audit.TopicContents.EnrichedRecord;
import io.newsflow.launcher.audit.TopicContents.IndexRecord;
import io.newsflow.launcher.audit.TopicContents.RawRecord;
import io.newsflow.platform.json.Json;
import io.newsflow.launcher.reenrich.Reenrichment;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's topics for the audit: committed records only (read_committed), from the beginning up to
 * the last stable offset at the time of the read, partition by partition in offset order.
 */
public final class TopicReader {

  static final String ERROR_TOPIC = "__streams.errors.topic";
  static final String ERROR_PARTITION = "__streams.errors.partition";
  static final String ERROR_OFFSET = "__streams.errors.offset";
  static final String ERROR_EXCEPTION = "__streams.errors.exception";
  static final String INGEST_ERROR_PREFIX = "newsflow.error.";

  private final Properties clientProps;
  private final Duration timeout;

  /** {@code clientProps}: bootstrap servers and any security settings; {@code timeout}: for the whole read. */
  public TopicReader(Properties clientProps, Duration timeout) {
    this.clientProps = clientProps;
    this.timeout = timeout;
  }

  /** Reads every topic; throws {@link AuditIncompleteException} when Kafka does not answer within the timeout. */
  public TopicContents read() {
    try {
      return readAll();
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      throw new AuditIncompleteException("Kafka did not answer within " + timeout.toSeconds() + " s: " + e.getMessage());
    }
  }

  private TopicContents readAll() {
    return new TopicContents(
        readTopic(Topics.RAW.name(), TopicReader::raw),
        readTopic(Topics.ENRICHED.name(), TopicReader::enriched),
        readTopic(Topics.INDEX.name(), r -> new IndexRecord(text(r.key()), r.value() == null ? null : version(r.value()),
            r.headers().lastHeader(Reenrichment.HEADER) != null)),
        readTopic(Topics.DUPLICATES.name(), TopicReader::duplicate),
        readTopic(Topics.DEAD_LETTER.name(), TopicReader::deadLetter),
        readTopic(Topics.ALERTS.name(), TopicReader::alert));
  }

  private <T> List<T> readTopic(String topic, Function<ConsumerRecord<byte[], byte[]>, T> convert) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-audit-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // with read_committed, the end offsets are the last stable offsets: open transactions are waited for
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AuditIncompleteException("Could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
        .thenComparingLong(ConsumerRecord::offset));
    List<T> out = new ArrayList<>(records.size());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      T converted = convert.apply(r);
      if (converted != null) {
        out.add(converted);
      }
    }
    return out;
  }

  private static RawRecord raw(ConsumerRecord<byte[], byte[]> r) {
    try {
      RawArticle a = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), r.value());
      return new RawRecord(r.partition(), r.offset(), text(r.key()), a.getId(), a.getVersion());
    } catch (RuntimeException e) {
      return new RawRecord(r.partition(), r.offset(), text(r.key()), null, 0);
    }
  }

  private static EnrichedRecord enriched(ConsumerRecord<byte[], byte[]> r) {
    try {
      EnrichedArticle e = Topics.ENRICHED.valueSerde().deserializer().deserialize(Topics.ENRICHED.name(), r.value());
      return new EnrichedRecord(r.partition(), r.offset(), e.getArticle().getId(), e.getArticle().getVersion(),
          e.getReenriched());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static DuplicateRecord duplicate(ConsumerRecord<byte[], byte[]> r) {
    JsonNode node = json(r.value());
    if (node == null) {
      return null;
    }
    String id = node.hasNonNull("id") ? node.get("id").asText() : text(r.key());
    return new DuplicateRecord(id, node.path("version").asLong(1), node.path("reason").asText(""));
  }

  static DeadLetterRecord deadLetter(ConsumerRecord<byte[], byte[]> r) {
    Headers h = r.headers();
    String reason = header(h, ERROR_EXCEPTION);
    if (reason == null) {
      for (Header header : h) {
        if (header.key().startsWith(INGEST_ERROR_PREFIX) && reason == null) {
          reason = text(header.value());
        }
      }
    }
    String sourceTopic = header(h, ERROR_TOPIC);
    return new DeadLetterRecord(storyKey(r, sourceTopic), sourceTopic, integer(header(h, ERROR_PARTITION)),
        longValue(header(h, ERROR_OFFSET)), reason == null ? "unknown" : reason);
  }

  /**
   * The story a dead letter belongs to. A record that failed inside enrich after a repartition (keyed by text
   * digest, say) carries the raw article as its value: its story id is what the audit matches.
   */
  private static String storyKey(ConsumerRecord<byte[], byte[]> r, String sourceTopic) {
    boolean internal = sourceTopic != null && !sourceTopic.equals(Topics.RAW.name())
        && !sourceTopic.equals(Topics.ENRICHED.name());
    if (internal && r.value() != null) {
      try {
        return Topics.RAW.valueSerde().deserializer().deserialize(sourceTopic, r.value()).getId();
      } catch (RuntimeException notAnArticle) {
        // another value type: fall back to the record key
      }
    }
    return text(r.key());
  }

  /** Alerts are reduced to subscription, story, version and type; field names of either flat or nested form. */
  private static AlertRecord alert(ConsumerRecord<byte[], byte[]> r) {
    JsonNode node = json(r.value());
    if (node == null) {
      return null;
    }
    String subscription = first(node, "subscriptionId", "subscription");
    JsonNode story = node.path("story");
    String storyId = story.isObject() ? first(story, "id", "storyId") : first(node, "storyId", "story", "id");
    JsonNode versionNode = story.isObject() && story.has("version") ? story.get("version") : node.get("version");
    return new AlertRecord(subscription != null ? subscription : text(r.key()), storyId,
        versionNode == null || versionNode.isNull() ? null : versionNode.asLong(),
        first(node, "type", "kind", "alertType"));
  }

  private static String first(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && value.isValueNode() && !value.isNull()) {
        return value.asText();
      }
    }
    return null;
  }

  private static Long version(byte[] value) {
    JsonNode node = json(value);
    return node == null ? -1L : node.path("version").asLong(-1);
  }

  private static JsonNode json(byte[] value) {
    if (value == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(value);
    } catch (Exception e) {
      return null;
    }
  }

  private static String header(Headers headers, String name) {
    Header h = headers.lastHeader(name);
    return h == null || h.value() == null ? null : text(h.value());
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long longValue(String value) {
    try {
      return value == null ? null : Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The topics could not be read to their end in time: no verdict can be given. */
  public static final class AuditIncompleteException extends RuntimeException {
    AuditIncompleteException(String message) {
      super(message);
    }
  }
}

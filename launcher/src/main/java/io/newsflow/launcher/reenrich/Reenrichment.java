package io.newsflow.launcher.reenrich;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enricher;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs stories already indexed through the current models again: reads which version of each story
 * {@code news.index} holds now, then replays {@code news.raw} (all of it, or from a time) and enriches exactly
 * that version of each story once more, writing it to {@code news.enriched} marked as a re-enrichment. Killed
 * stories and superseded versions are skipped. It runs beside the live pipeline, in its own process: the sink
 * indexes the result but raises no alerts for it, and never lets it replace a version newer than the one read
 * here ({@code IndexedVersions}).
 */
public final class Reenrichment {

  /** Header on every record a re-enrichment writes (its run id); Streams carries it on to {@code news.index}. */
  public static final String HEADER = "newsflow.reenrichment";

  private static final Logger log = LoggerFactory.getLogger(Reenrichment.class);

  private final Properties clientProps;
  private final Properties producerProps;
  private final Enricher enricher;
  private final Duration timeout;

  /** What a run did. */
  public record Summary(long rawRecords, long reenriched, long superseded, long notIndexed, long failed) {}

  /** How far a phase has got: records read of the records to read. */
  public record Progress(String phase, long done, long total, long reenriched) {}

  /** The story's indexed version and the near-duplicate fields enrich decided for it, which replay keeps. */
  private record Indexed(long version, String duplicateOf, String storyCluster) {}

  /**
   * {@code clientProps}: bootstrap servers and security settings for reading; {@code producerProps}: the same
   * for the acknowledged, idempotent producer that writes the re-enrichments.
   */
  public Reenrichment(Properties clientProps, Properties producerProps, Enricher enricher, Duration timeout) {
    this.clientProps = clientProps;
    this.producerProps = producerProps;
    this.enricher = enricher;
    this.timeout = timeout;
  }

  /** Re-enriches the indexed stories whose indexed version was accepted at or after {@code since} (null: all). */
  public Summary run(Instant since, Consumer<Progress> progress) {
    Map<String, Indexed> indexed = readIndex(progress);
    String runId = UUID.randomUUID().toString();
    long raw = 0;
    long reenriched = 0;
    long superseded = 0;
    long notIndexed = 0;
    long failed = 0;
    Set<String> done = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer();
         Producer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
             new ByteArraySerializer())) {
      List<TopicPartition> partitions = partitions(consumer, Topics.RAW.name());
      consumer.assign(partitions);
      seek(consumer, partitions, since);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long total = 0;
      for (TopicPartition p : partitions) {
        total += Math.max(0, end.get(p) - consumer.position(p, timeout));
      }
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
            continue;
          }
          raw++;
          String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
          Indexed current = key == null ? null : indexed.get(key);
          RawArticle article = read(r);
          if (article == null || current == null) {
            notIndexed++;
          } else if (article.getVersion() != current.version() || !done.add(key)) {
            superseded++;
          } else if (reenrich(producer, key, article, current, runId)) {
            reenriched++;
          } else {
            failed++;
          }
        }
        progress.accept(new Progress("news.raw", raw, total, reenriched));
      }
      producer.flush();
    }
    Summary summary = new Summary(raw, reenriched, superseded, notIndexed, failed);
    log.info("Re-enrichment {} done: {}", runId, summary);
    return summary;
  }

  private boolean reenrich(Producer<byte[], byte[]> producer, String key, RawArticle article, Indexed current,
                           String runId) {
    EnrichedArticle enriched;
    try {
      enriched = EnrichedArticle.newBuilder(enricher.enrich(article))
          .setDuplicateOf(current.duplicateOf())
          .setStoryCluster(current.storyCluster())
          .setReenriched(true)
          .build();
    } catch (RuntimeException e) {
      // the live pipeline already indexed this version; a failure here leaves that document as it was
      log.warn("Could not re-enrich story {} version {}: {}", key, article.getVersion(), e.toString());
      return false;
    }
    ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(Topics.ENRICHED.name(),
        key.getBytes(StandardCharsets.UTF_8),
        Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), enriched));
    out.headers().add(HEADER, runId.getBytes(StandardCharsets.UTF_8));
    producer.send(out);
    return true;
  }

  /** The live documents of {@code news.index}: story key to the version indexed now (tombstones remove). */
  private Map<String, Indexed> readIndex(Consumer<Progress> progress) {
    Map<String, Indexed> indexed = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, Topics.INDEX.name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long total = end.values().stream().mapToLong(Long::longValue).sum();
      long read = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          read++;
          String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
          if (key == null) {
            continue;
          }
          if (r.value() == null) {
            indexed.remove(key);
            continue;
          }
          JsonNode doc = document(r.value());
          if (doc == null) {
            continue;
          }
          indexed.put(key, new Indexed(doc.path("version").asLong(), text(doc, "duplicateOf"),
              text(doc, "storyCluster")));
        }
        progress.accept(new Progress("news.index", read, total, 0));
      }
    }
    return indexed;
  }

  private static JsonNode document(byte[] value) {
    try {
      return Json.mapper().readTree(value);
    } catch (IOException e) {
      log.warn("Skipped an index document that is not JSON: {}", e.toString());
      return null;
    }
  }

  private static String text(JsonNode doc, String field) {
    return doc.hasNonNull(field) ? doc.get(field).asText() : null;
  }

  private static RawArticle read(ConsumerRecord<byte[], byte[]> r) {
    try {
      return r.value() == null ? null : Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), r.value());
    } catch (RuntimeException e) {
      // a record enrich could not read either: it is dead-lettered, never indexed
      return null;
    }
  }

  private void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant since) {
    if (since == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(p -> times.put(p, since.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times, timeout);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp at = offsets.get(p);
      consumer.seek(p, at == null ? end.get(p) : at.offset());
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("Topic " + topic + " does not exist: is this the pipeline's cluster?");
    }
    return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer() {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-reenrich-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}

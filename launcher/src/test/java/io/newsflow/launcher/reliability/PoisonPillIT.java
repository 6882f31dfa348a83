package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record on news.raw that is not Avro goes to news.deadletter with its bytes and the reason; the stream goes on. */
class PoisonPillIT {

  @TempDir
  static Path dir;

  static Pipeline pipeline;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "wire:poison-test-token",
        "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, Enrichment::standard);
  }

  @AfterAll
  static void stopPipeline() {
    pipeline.close();
  }

  @Test
  void routesAnUnreadableRawRecordToDeadLettersAndIndexesTheNextRecordOfItsPartition() throws Exception {
    // given
    byte[] poison = "this is not an Avro RawArticle \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    RawArticle good = article("urn:poison:after", "Harbour reopens after storm");
    RecordMetadata poisonAt;
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      // when: the poison pill and then a good article on the same partition
      poisonAt = producer.send(new ProducerRecord<>(Topics.RAW.name(), 0, "urn:poison:pill".getBytes(StandardCharsets.UTF_8),
          poison)).get();
      producer.send(new ProducerRecord<>(Topics.RAW.name(), 0, good.getId().getBytes(StandardCharsets.UTF_8),
          Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), good))).get();
    }

    // then
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      AuditReport report = Audits.audit(pipeline.bootstrapServers());
      assertThat(report.accepted()).isEqualTo(2);
      assertThat(report.indexed()).isEqualTo(1);
      assertThat(report.deadLettered()).isEqualTo(1);
    });
    List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(Topics.DEAD_LETTER.name());
    assertThat(deadLetters).hasSize(1);
    ConsumerRecord<byte[], byte[]> letter = deadLetters.get(0);
    assertThat(letter.value()).isEqualTo(poison);
    assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.RAW.name());
    assertThat(header(letter, "__streams.errors.partition")).isEqualTo(String.valueOf(poisonAt.partition()));
    assertThat(header(letter, "__streams.errors.offset")).isEqualTo(String.valueOf(poisonAt.offset()));
    assertThat(header(letter, "__streams.errors.exception")).isNotBlank();
    assertThat(header(letter, "__streams.errors.message")).isNotBlank();
    TopicContents topics = Audits.read(pipeline.bootstrapServers());
    assertThat(topics.index()).extracting(TopicContents.IndexRecord::key).containsExactly(good.getId());
    assertThat(Audits.audit(pipeline.bootstrapServers()).clean()).isTrue();
  }

  static RawArticle article(String id, String headline) {
    return RawArticle.newBuilder()
        .setId(id).setVersion(1).setSource("wire").setFormat(SourceFormat.JSON)
        .setHeadline(headline).setBody("The harbour reopened on Monday after the storm, the port authority said.")
        .setLanguage("en").setReceived(Instant.parse("2026-03-03T10:00:00Z")).setPubStatus(PubStatus.USABLE)
        .setContentType("application/json").setOriginalDigest("0").setTextDigest("0")
        .setTraceId(UUID.randomUUID().toString())
        .build();
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "poison-test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> out = new java.util.ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return readAll(pipeline.bootstrapServers(), topic);
  }

  static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}

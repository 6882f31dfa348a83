package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow tail TOPIC}: prints a topic's records as JSON lines, from the beginning. */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print records of a topic as JSON lines (committed records only), then exit after --max records or --timeout seconds. "
        + "Tombstones print as {\"key\": ..., \"value\": null}; --keys prints every record that way.")
public final class TailCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TOPIC", description = "e.g. news.index, news.alerts, news.deadletter, news.raw")
  String topic;

  @Option(names = "--max", description = "Stop after this many records (default: no limit).")
  long max = Long.MAX_VALUE;

  @Option(names = "--timeout", description = "Stop after this many seconds without reaching --max (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 30;

  @Option(names = "--keys", description = "Print every record as {\"key\": ..., \"value\": ...}, the value as JSON "
      + "(null for a tombstone). Without it, JSON values print as they are and tombstones as {\"key\": ..., \"value\": null}.")
  boolean keys;

  @Override
  public Integer call() {
    Settings settings = LauncherSettings.fromEnvironment();
    Properties props = KafkaSettings.common(settings, settings.get(IngestConfig.BOOTSTRAP));
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-tail-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    long printed = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      while (printed < max && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          System.out.println(line(topic, record, keys));
          if (++printed >= max) {
            break;
          }
        }
      }
    }
    System.out.flush();
    return 0;
  }

  /** One record as a JSON line: JSON values as they are, Avro values decoded, other bytes in base64 with headers. */
  static String line(String topic, ConsumerRecord<byte[], byte[]> record, boolean keys) {
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (topic.equals(Topics.RAW.name()) || topic.equals(Topics.ENRICHED.name())) {
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("key", key);
      node.put("offset", record.offset());
      Object value = record.value() == null ? null : topic.equals(Topics.RAW.name())
          ? Topics.RAW.valueSerde().deserializer().deserialize(topic, record.value())
          : Topics.ENRICHED.valueSerde().deserializer().deserialize(topic, record.value());
      node.set("value", value == null ? null : readTree(value.toString()));
      return node.toString();
    }
    if (topic.equals(Topics.DEAD_LETTER.name())) {
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("key", key);
      node.put("offset", record.offset());
      ObjectNode headers = node.putObject("headers");
      for (Header h : record.headers()) {
        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
      }
      node.put("valueBase64", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
      return node.toString();
    }
    if (keys) {
      ObjectNode node = Json.mapper().createObjectNode();
      node.put("key", key);
      node.set("value", record.value() == null ? null : readTree(new String(record.value(), StandardCharsets.UTF_8)));
      return node.toString();
    }
    if (record.value() == null) {
      ObjectNode tombstone = Json.mapper().createObjectNode();
      tombstone.put("key", key);
      tombstone.putNull("value");
      return tombstone.toString();
    }
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      return Json.mapper().getNodeFactory().textNode(json);
    }
  }
}

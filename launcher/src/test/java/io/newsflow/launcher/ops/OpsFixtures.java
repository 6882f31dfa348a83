package io.newsflow.launcher.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the ops integration tests share: an enricher without NLP models, articles, HTTP, a topic reader. */
final class OpsFixtures {

  static final String TOKEN = "ops-test-token";
  static final String TOKENS = "ops-test:" + TOKEN;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private OpsFixtures() {}

  /** Language identification only: these tests are about distribution, not entity or stance output. */
  static Enricher enricherWithoutModels() {
    return new Enricher(LanguageIdentifier.load(), text -> List.of(), (text, entities) -> StanceTagger.Result.empty(),
        Clock.systemUTC());
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String article(int n) {
    return "Harbour authority reports record traffic, bulletin " + n + "\n\n"
        + "The harbour authority said on Monday that container traffic in bulletin " + n
        + " reached a record as shipping lines added routes to the port.";
  }

  static HttpRequest post(int ingestPort, String body) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + ingestPort + "/v1/articles"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Keys of every committed record on a topic, read to its end (read_committed: what consumers see). */
  static List<String> committedKeys(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      List<String> keys = new java.util.ArrayList<>();
      Map<TopicPartition, Long> position = new HashMap<>();
      while (partitions.stream().anyMatch(p -> position.getOrDefault(p, 0L) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          keys.add(record.key());
        }
        partitions.forEach(p -> position.put(p, consumer.position(p)));
      }
      return keys;
    }
  }
}

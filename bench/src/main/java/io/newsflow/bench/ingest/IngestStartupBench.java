package io.newsflow.bench.ingest;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Measures how long ingest takes to start when {@code news.raw} already holds many records: an embedded broker,
 * {@code --records} raw articles of about {@code --body-bytes} written to {@code news.raw}, then the time from
 * {@code IngestService.start} to its return and to the first article answered 202. Written as JSON to {@code --out}.
 *
 * <pre>IngestStartupBench [--records 50000] [--body-bytes 1000] [--out result.json]</pre>
 */
public final class IngestStartupBench {

  private static final String TOKEN = "startup-bench-token";

  private IngestStartupBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int records = Integer.parseInt(options.getOrDefault("records", "50000"));
    int bodyBytes = Integer.parseInt(options.getOrDefault("body-bytes", "1000"));
    Path out = Path.of(options.getOrDefault("out", "ingest-startup.json"));

    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.startTemporary()) {
      String servers = kafka.bootstrapServers();
      Settings settings = Settings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", servers, "NEWSFLOW_INGEST_PORT", "0",
          "NEWSFLOW_API_TOKENS", "bench:" + TOKEN));
      TopicAdmin.createTopics(KafkaSettings.common(settings, servers), 3, (short) 1);
      fill(servers, records, bodyBytes);

      long start = System.nanoTime();
      try (IngestService ingest = IngestService.start(IngestConfig.from(settings))) {
        long started = System.nanoTime();
        int status = post(ingest.port());
        long firstAccepted = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "ingest-startup");
        result.put("date", Instant.now().toString());
        result.put("rawRecords", records);
        result.put("bodyBytes", bodyBytes);
        result.put("startMillis", (started - start) / 1_000_000);
        result.put("firstAcceptedMillis", (firstAccepted - start) / 1_000_000);
        result.put("firstStatus", status);
        result.put("processors", Runtime.getRuntime().availableProcessors());
        result.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String json = Json.write(result);
        System.out.println(json);
        Files.writeString(out, json + "\n");
      }
    }
  }

  private static void fill(String servers, int records, int bodyBytes) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    String body = "The council met on Tuesday. ".repeat(Math.max(1, bodyBytes / 28));
    try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(props, Topics.RAW.keySerde().serializer(),
        Topics.RAW.valueSerde().serializer())) {
      for (int i = 0; i < records; i++) {
        String id = "urn:bench:startup-" + i;
        producer.send(new ProducerRecord<>(Topics.RAW.name(), id, RawArticle.newBuilder().setId(id).setVersion(1)
            .setSource("bench").setFormat(SourceFormat.JSON).setHeadline("Story " + i).setBody(body + i)
            .setPubStatus(PubStatus.USABLE).setReceived(Instant.now()).setContentType("application/json")
            .setOriginalDigest(Integer.toHexString(i)).setTextDigest(Integer.toHexString(i)).build()));
      }
      producer.flush();
    }
  }

  private static int post(int port) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/articles"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"urn:bench:first\",\"headline\":\"H\",\"body\":\"B\"}"))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

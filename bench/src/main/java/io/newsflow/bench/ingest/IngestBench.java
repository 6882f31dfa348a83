package io.newsflow.bench.ingest;

import io.newsflow.bench.measure.LatencySummary;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the sustained ingest rate: starts the ingest service (and an embedded broker unless
 * {@code --bootstrap} names a cluster), posts articles over HTTP from a few concurrent clients, and reports
 * acknowledged articles per second and request latency percentiles, also as JSON.
 *
 * <p>With {@code --batch N} each request is an NDJSON {@code POST /v1/articles:batch} of N articles, so the rate
 * shows what the intake and Kafka sustain when a client does not wait for each article alone.
 *
 * <pre>IngestBench [--articles 20000] [--clients 8] [--batch 1] [--body-bytes 3000] [--bootstrap host:9092] [--out result.json]</pre>
 */
public final class IngestBench {

  private static final String TOKEN = "bench-token";

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int articles = Integer.parseInt(options.getOrDefault("articles", "20000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int bodyBytes = Integer.parseInt(options.getOrDefault("body-bytes", "3000"));
    int batch = Math.max(1, Integer.parseInt(options.getOrDefault("batch", "1")));
    String bootstrap = options.get("bootstrap");
    Path out = Path.of(options.getOrDefault("out", "ingest-bench.json"));

    EmbeddedKafkaCluster kafka = bootstrap == null ? EmbeddedKafkaCluster.startTemporary() : null;
    String servers = bootstrap != null ? bootstrap : kafka.bootstrapServers();
    Settings settings = Settings.from(System.getenv());
    Properties client = KafkaSettings.common(settings, servers);
    TopicAdmin.createTopics(client, 3, bootstrap == null ? (short) 1 : (short) -1);
    Properties producer = KafkaSettings.producer(settings, servers, "newsflow-ingest-bench");
    // delivery.timeout.ms must cover linger.ms + request.timeout.ms (main's KafkaSettings sets the latter)
    producer.putIfAbsent("request.timeout.ms", "10000");
    IngestConfig config = new IngestConfig(0, 2L * 1024 * 1024, "bench:" + TOKEN, Duration.ofSeconds(30), producer,
        client,
        new IngestConfig.Limits(2L * 1024 * 1024, 1000), new IngestConfig.Dedup(10_000_000, false, Duration.ZERO),
        new IngestConfig.Feeds(List.of(), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(5)), null);
    String run = Long.toString(System.currentTimeMillis(), 36);
    try (IngestService service = IngestService.start(config)) {
      URI uri = URI.create("http://127.0.0.1:" + service.port() + (batch > 1 ? "/v1/articles:batch" : "/v1/articles"));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      post(http, uri, run + "-warmup", Math.min(500, articles / 10), clients, bodyBytes, batch);
      Instant start = Instant.now();
      Result result = post(http, uri, run, articles, clients, bodyBytes, batch);
      double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("benchmark", "ingest-http-to-kafka");
      report.put("broker", bootstrap == null ? "embedded single node" : bootstrap);
      report.put("articles", articles);
      report.put("clients", clients);
      report.put("bodyBytes", bodyBytes);
      report.put("articlesPerRequest", batch);
      report.put("acknowledged", result.acknowledged());
      report.put("failed", articles - result.acknowledged());
      report.put("seconds", round(seconds));
      report.put("acknowledgedArticlesPerSecond", round(result.acknowledged() / seconds));
      report.put("requests", result.latenciesNanos().length);
      LatencySummary latency = LatencySummary.ofNanos(result.latenciesNanos());
      report.put("latencyMsP50", latency.p50Millis());
      report.put("latencyMsP99", latency.p99Millis());
      report.put("latencyMsMax", latency.maxMillis());
      report.put("cores", Runtime.getRuntime().availableProcessors());
      report.put("measuredAt", Instant.now().toString());
      String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, json + "\n");
      System.out.println(json);
    } finally {
      if (kafka != null) {
        kafka.close();
      }
    }
  }

  private record Result(int acknowledged, long[] latenciesNanos) {}

  private static Result post(HttpClient http, URI uri, String run, int articles, int clients, int bodyBytes,
      int batch) throws Exception {
    int requests = (articles + batch - 1) / batch;
    AtomicInteger next = new AtomicInteger();
    AtomicInteger acknowledged = new AtomicInteger();
    long[] latencies = new long[requests];
    String filler = "Wire copy for the ingest bench. ".repeat(bodyBytes / 32 + 1).substring(0, bodyBytes);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(pool.submit(() -> {
        for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
          StringBuilder body = new StringBuilder();
          for (int i = r * batch; i < Math.min(articles, (r + 1) * batch); i++) {
            body.append("{\"id\":\"bench-").append(run).append('-').append(i).append("\",\"headline\":\"Bench story ")
                .append(i).append("\",\"body\":\"").append(filler).append(' ').append(i)
                .append("\",\"language\":\"en\",\"urgency\":5}\n");
          }
          HttpRequest request = HttpRequest.newBuilder(uri)
              .header("Content-Type", batch > 1 ? "application/x-ndjson" : "application/json")
              .header("Authorization", "Bearer " + TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
              .build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (batch == 1 && response.statusCode() == 202) {
              acknowledged.incrementAndGet();
            } else if (batch > 1 && response.statusCode() == 200) {
              acknowledged.addAndGet(Json.mapper().readTree(response.body()).path("accepted").asInt());
            }
          } catch (Exception e) {
            // counted as not acknowledged
          }
          latencies[r] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return new Result(acknowledged.get(), latencies);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Usage: IngestBench [--articles N] [--clients C] [--batch N] [--body-bytes B] "
            + "[--bootstrap host:port] [--out result.json]");
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }
}

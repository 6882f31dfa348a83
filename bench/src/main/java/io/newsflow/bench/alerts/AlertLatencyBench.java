package io.newsflow.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.bench.measure.LatencySummary;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.nlp.entities.DictionaryEntityTagger;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.launcher.Pipeline;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import io.newsflow.sink.alerts.matching.Matcher;
import io.newsflow.sink.alerts.matching.StoryFacts;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/newsflow bench alerts}: the whole pipeline on an embedded broker with many subscriptions, stories
 * posted at a steady rate, and the time from {@code POST /v1/articles} to the alert on {@code news.alerts} and
 * to its receipt at a local webhook. Entities come from a small dictionary tagger (the real taggers are not
 * needed to measure the sink). Writes the percentiles as JSON.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
    description = "Measure POST -> alert latency (news.alerts and webhook) with many subscriptions at a steady rate.")
public final class AlertLatencyBench implements Callable<Integer> {

  private static final String TOKEN = "bench-token-0123456789";

  @Option(names = "--subscriptions", description = "Subscriptions that do not match (default: ${DEFAULT-VALUE}).")
  int subscriptions = 10_000;

  @Option(names = "--rate", description = "Stories posted per second (default: ${DEFAULT-VALUE}).")
  int rate = 20;

  @Option(names = "--stories", description = "Stories measured (default: ${DEFAULT-VALUE}).")
  int stories = 1200;

  @Option(names = "--warmup", description = "Stories posted first and not measured (default: ${DEFAULT-VALUE}).")
  int warmup = 1200;

  @Option(names = "--create-via", description = "How the non-matching subscriptions are created: api (POST each, "
      + "slow on a loaded machine) or topic (written to news.subscriptions as the API would); default: ${DEFAULT-VALUE}.")
  String createVia = "topic";

  @Option(names = "--taggers", description = "Entity and stance steps in the pipeline: real (the shipped CRF, "
      + "dictionary and stance rules) or dictionary (a small stand-in without NLP cost); default: ${DEFAULT-VALUE}.")
  String taggers = "real";

  @Option(names = "--out", description = "JSON result file (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("target/alert-latency.json");

  @Option(names = "--series", description = "Also write each measured story's times as CSV here (story, posted at "
      + "ms since the first measured post, POST->alert ms, then the three stages), to see when slow ones happen.")
  Path series;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    Path dataDir = Files.createTempDirectory("newsflow-bench-alerts");
    Map<String, Long> posted = new ConcurrentHashMap<>();
    Map<String, Long> onTopic = new ConcurrentHashMap<>();
    Map<String, Long> atWebhook = new ConcurrentHashMap<>();
    Map<String, long[]> stages = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    receiver.createContext("/hook", exchange -> {
      long now = System.nanoTime();
      JsonNode alert = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
      atWebhook.putIfAbsent(alert.path("storyId").asText(), now);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.setExecutor(Executors.newFixedThreadPool(4));
    receiver.start();
    Map<String, String> env = new java.util.TreeMap<>(kafkaOverrides());
    env.putAll(Map.of(
        "NEWSFLOW_API_TOKENS", "bench:" + TOKEN,
        "NEWSFLOW_INGEST_PORT", "0",
        "NEWSFLOW_ENRICH_HTTP_PORT", "0",
        "NEWSFLOW_SINK_PORT", "0"));
    Pipeline pipeline = Pipeline.start(env, dataDir, 0, taggers.equals("dictionary")
        ? () -> new Enricher(LanguageIdentifier.load(), DictionaryEntityTagger.sample(),
            (text, entities) -> StanceTagger.Result.empty(), Clock.systemUTC())
        : Enrichment::standard);
    AtomicBoolean consuming = new AtomicBoolean(true);
    Thread alertReader = null;
    try {
      String sink = "http://127.0.0.1:" + pipeline.sink().httpPort();
      long createStarted = System.nanoTime();
      if (createVia.equals("api")) {
        createSubscriptions(sink);
      } else {
        writeSubscriptions(pipeline.bootstrapServers(), sink);
      }
      double createSeconds = (System.nanoTime() - createStarted) / 1e9;
      // by name, as a desk would: the sink resolves it through the entity dictionary, so the stories are posted
      // only once the dictionary is loaded and the sink is in its steady state
      String matching = createWhenResolvable(sink, """
          {"name": "bench", "entities": ["Poland"], "keywords": ["troops"], "webhook": {"url": "http://127.0.0.1:%d/hook", "secret": "bench-secret-0123456789"}}"""
          .formatted(receiver.getAddress().getPort()));
      System.out.printf("%d subscriptions created (%s) in %.1f s%n", subscriptions + 1, createVia, createSeconds);

      alertReader = new Thread(() -> readAlerts(pipeline.bootstrapServers(), matching, onTopic, stages, consuming), "bench-alerts-reader");
      alertReader.start();

      int total = warmup + stories;
      String ingest = "http://127.0.0.1:" + pipeline.ingestPort() + "/v1/articles";
      // warm up, then let the pipeline catch up with its own start (JIT, first commits) before measuring: the
      // figures are the steady state at the rate, not the recovery from a backlog
      postSteadily(ingest, posted, 0, warmup);
      awaitAlerts(onTopic, atWebhook, warmup, Duration.ofSeconds(warmup / rate + 120));
      double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      postSteadily(ingest, posted, warmup, total);
      awaitAlerts(onTopic, atWebhook, total, Duration.ofSeconds(60));
      double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

      ObjectNode result = Json.mapper().createObjectNode();
      result.put("measuredAt", Instant.now().toString());
      result.put("processors", Runtime.getRuntime().availableProcessors());
      // other processes on the machine weigh on every figure below: the one-minute load average around the run
      result.put("loadAverageBefore", loadBefore);
      result.put("loadAverageAfter", loadAfter);
      ObjectNode overrides = result.putObject("kafkaOverrides");
      kafkaOverrides().forEach(overrides::put);
      result.put("subscriptions", subscriptions + 1);
      result.put("subscriptionsCreatedVia", createVia);
      result.put("subscriptionCreateSeconds", Math.round(createSeconds * 10) / 10.0);
      result.put("taggers", taggers);
      result.put("ratePerSecond", rate);
      result.put("storiesMeasured", stories);
      result.put("warmupStories", warmup);
      result.set("postToAlertTopicMs", percentiles(posted, onTopic));
      result.set("postToWebhookMs", percentiles(posted, atWebhook));
      ObjectNode stageNode = result.putObject("stagesMs");
      String[] names = {"ingestReceivedToEnriched", "enrichedToAlertCreated", "alertCreatedToReadCommitted"};
      for (int i = 0; i < names.length; i++) {
        List<Long> values = new ArrayList<>();
        for (int n = warmup; n < warmup + stories; n++) {
          long[] st = stages.get("bench-" + n);
          if (st != null) {
            values.add(st[i]);
          }
        }
        stageNode.set(names[i], summary(values, 0));
      }
      if (series != null) {
        writeSeries(posted, onTopic, stages);
      }
      result.set("matchingOnlyMicrosPerStory", matchingOnly());
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      System.out.println("written to " + out.toAbsolutePath());
      return 0;
    } finally {
      consuming.set(false);
      if (alertReader != null) {
        alertReader.join(5_000);
      }
      pipeline.close();
      deleteRecursively(dataDir);
      receiver.stop(0);
      ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
    }
  }

  /**
   * {@code KAFKA_*} variables of this process (the bootstrap servers aside: the bench runs its own broker), passed
   * to the pipeline's clients as everywhere else, so a setting can be compared: {@code KAFKA_POLL_MS=100 bin/newsflow
   * bench alerts}.
   */
  private static Map<String, String> kafkaOverrides() {
    Map<String, String> overrides = new java.util.TreeMap<>();
    System.getenv().forEach((name, value) -> {
      if (name.startsWith("KAFKA_") && !name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
        overrides.put(name, value);
      }
    });
    return overrides;
  }

  /** Subscriptions that never match the bench stories; a tenth share index keys with them and fail later. */
  private void createSubscriptions(String sink) {
    Semaphore parallel = new Semaphore(12);
    List<CompletableFuture<String>> all = new ArrayList<>();
    for (int i = 0; i < subscriptions; i++) {
      String body = subscriptionBody(i);
      parallel.acquireUninterruptibly();
      all.add(create(sink, body).whenComplete((id, e) -> parallel.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }

  private static String subscriptionBody(int i) {
    return switch (i % 10) {
      case 0 -> "{\"entities\": [\"Q36\"], \"language\": \"de\"}";
      case 1, 2, 3 -> "{\"entities\": [\"Q%d\", \"Name %d\"]}".formatted(1_000_000 + i, i);
      case 4, 5 -> "{\"keywords\": [\"word%d\", \"phrase %d here\"]}".formatted(i, i);
      case 6 -> "{\"stance\": {\"holder\": \"Q%d\", \"polarities\": [\"OPPOSE\"]}}".formatted(2_000_000 + i);
      case 7 -> "{\"keywords\": [\"topic%d\"], \"minUrgency\": 2}".formatted(i);
      case 8 -> "{\"entities\": [\"local:org:%d\"], \"entityTypes\": [\"ORGANIZATION\"]}".formatted(i);
      default -> "{\"stance\": {\"holder\": \"Person %d\", \"target\": \"tariffs\"}}".formatted(i);
    };
  }

  /** The same records the API writes, produced in bulk; then waits until the sink's matcher has them all. */
  private void writeSubscriptions(String bootstrap, String sink) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < subscriptions; i++) {
        String id = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, SubscriptionJson.toStored(
            SubscriptionJson.parseRequest(subscriptionBody(i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                id, "bench", Instant.now(), "bench-secret-0123456789"))));
      }
      producer.flush();
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(sink + "/v1/subscriptions"))
          .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (readTree(list.body()).path("subscriptions").size() >= subscriptions) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException("The sink did not load " + subscriptions + " subscriptions within 5 minutes");
  }

  /** Posts stories {@code from} to {@code to} (exclusive) at the rate, each at its time whatever the answers take. */
  private void postSteadily(String ingest, Map<String, Long> posted, int from, int to) throws InterruptedException {
    ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(to - from);
    AtomicInteger next = new AtomicInteger(from);
    poster.scheduleAtFixedRate(() -> {
      int n = next.getAndIncrement();
      if (n < to) {
        String id = "bench-" + n;
        posted.put(id, System.nanoTime());
        http.sendAsync(HttpRequest.newBuilder(URI.create(ingest))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(story(id, n))).build(), HttpResponse.BodyHandlers.discarding());
        done.countDown();
      }
    }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
    done.await();
    poster.shutdownNow();
  }

  /** Waits until the first {@code count} stories alerted on the topic and at the webhook, or the time is up. */
  private static void awaitAlerts(Map<String, Long> onTopic, Map<String, Long> atWebhook, int count, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while ((onTopic.size() < count || atWebhook.size() < count) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /** Creates a subscription, asking again while the sink answers 503 (its entity dictionary still loading). */
  private String createWhenResolvable(String sink, String body) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return create(sink, body).join();
      } catch (java.util.concurrent.CompletionException e) {
        if (attempt == 10 || !(e.getCause() instanceof Refused refused) || refused.status != 503) {
          throw e;
        }
        Thread.sleep(1_000);
      }
    }
  }

  private CompletableFuture<String> create(String sink, String body) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(sink + "/v1/subscriptions"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> {
          if (r.statusCode() != 201) {
            throw new Refused(r.statusCode(), r.body());
          }
          try {
            return Json.mapper().readTree(r.body()).path("id").asText();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static String story(String id, int n) {
    return Json.write(Map.of("id", id, "language", "en", "urgency", 5,
        "headline", "Poland weighs troops for a European force, report " + n,
        "body", "Leaders met in Paris on Thursday to plan a European force for Ukraine. Poland and Greece are "
            + "hesitant to commit troops unless the United States provides support. Denmark agreed to take part. "
            + "Officials said planning would continue next month. Report number " + n + "."));
  }

  private static void readAlerts(String bootstrap, String subscriptionId, Map<String, Long> onTopic,
                                 Map<String, long[]> stages, AtomicBoolean running) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-alerts-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(Topics.ALERTS.name()));
      while (running.get()) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> {
          long now = System.nanoTime();
          long wallNow = System.currentTimeMillis();
          if (subscriptionId.equals(r.key())) {
            try {
              JsonNode alert = Json.mapper().readTree(r.value());
              String storyId = alert.path("storyId").asText();
              onTopic.putIfAbsent(storyId, now);
              JsonNode times = alert.path("storyTimes");
              // wall-clock stages from the alert's own timestamps (same machine, same clock)
              long received = Instant.parse(times.path("received").asText()).toEpochMilli();
              long enriched = Instant.parse(times.path("enrichedAt").asText()).toEpochMilli();
              long created = Instant.parse(alert.path("createdAt").asText()).toEpochMilli();
              stages.putIfAbsent(storyId, new long[] {enriched - received, created - enriched, wallNow - created});
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
      }
    }
  }

  private void writeSeries(Map<String, Long> posted, Map<String, Long> onTopic, Map<String, long[]> stages)
      throws java.io.IOException {
    StringBuilder csv = new StringBuilder("story,postedAtMs,postToAlertMs,receivedToEnrichedMs,enrichedToAlertMs,"
        + "alertToReadMs\n");
    Long first = posted.get("bench-" + warmup);
    for (int n = warmup; n < warmup + stories; n++) {
      String id = "bench-" + n;
      Long sent = posted.get(id);
      Long alerted = onTopic.get(id);
      long[] st = stages.get(id);
      if (first == null || sent == null || alerted == null || st == null) {
        continue;
      }
      csv.append(n).append(',').append((sent - first) / 1_000_000).append(',').append((alerted - sent) / 1_000_000)
          .append(',').append(st[0]).append(',').append(st[1]).append(',').append(st[2]).append('\n');
    }
    Files.writeString(series, csv);
  }

  private ObjectNode percentiles(Map<String, Long> start, Map<String, Long> end) {
    List<Long> millis = new ArrayList<>();
    for (int n = warmup; n < warmup + stories; n++) {
      String id = "bench-" + n;
      if (start.containsKey(id) && end.containsKey(id)) {
        millis.add((end.get(id) - start.get(id)) / 1_000_000);
      }
    }
    return summary(millis, stories);
  }

  /**
   * The matcher alone, without Kafka: the same subscriptions in a {@link SubscriptionIndex}, each bench story
   * enriched once, then candidates and matching timed per story.
   */
  private ObjectNode matchingOnly() {
    SubscriptionIndex index = new SubscriptionIndex();
    for (int i = 0; i < subscriptions; i++) {
      index.put(SubscriptionJson.parseRequest(subscriptionBody(i).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "s" + i, "bench", Instant.EPOCH, "bench-secret-0123456789"));
    }
    Enricher enricher = new Enricher(LanguageIdentifier.load(), DictionaryEntityTagger.sample(),
        (text, entities) -> StanceTagger.Result.empty(), Clock.systemUTC());
    List<Long> micros = new ArrayList<>();
    long matched = 0;
    for (int n = 0; n < 2_000; n++) {
      JsonNode story = readTree(story("m-" + n, n));
      EnrichedArticle enriched = enricher.enrich(RawArticle.newBuilder().setId("m-" + n).setVersion(1).setSource("bench")
          .setFormat(SourceFormat.JSON).setHeadline(story.path("headline").asText()).setBody(story.path("body").asText())
          .setLanguage("en").setReceived(Instant.now()).setUrgency(5).setContentType("application/json")
          .setOriginalDigest("o" + n).setTextDigest("t" + n).build());
      long started = System.nanoTime();
      StoryFacts facts = StoryFacts.of(enriched);
      for (var s : index.candidates(facts)) {
        if (Matcher.match(s, facts).isPresent()) {
          matched++;
        }
      }
      micros.add((System.nanoTime() - started) / 1_000);
    }
    ObjectNode node = summary(micros.subList(500, micros.size()), 0);
    node.put("subscriptions", index.size());
    node.put("candidatesPerStory", index.candidates(StoryFacts.of(enricher.enrich(RawArticle.newBuilder()
        .setId("c").setVersion(1).setSource("bench").setFormat(SourceFormat.JSON).setHeadline("Poland weighs troops")
        .setBody(readTree(story("c", 0)).path("body").asText()).setLanguage("en").setReceived(Instant.now())
        .setContentType("application/json").setOriginalDigest("o").setTextDigest("t").build()))).size());
    node.put("matchesFound", matched);
    return node;
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode summary(List<Long> values, int expected) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("count", values.size());
    if (expected > 0) {
      node.put("missing", expected - values.size());
    }
    if (!values.isEmpty()) {
      Histogram h = LatencySummary.histogram(values.stream().mapToLong(Long::longValue).toArray());
      node.put("p50", h.getValueAtPercentile(50));
      node.put("p95", h.getValueAtPercentile(95));
      node.put("p99", h.getValueAtPercentile(99));
      node.put("max", h.getMaxValue());
      node.put("mean", Math.round(h.getMean()));
    }
    return node;
  }

  /** The sink did not create a subscription. */
  private static final class Refused extends IllegalStateException {
    final int status;

    Refused(int status, String body) {
      super("Subscription refused: HTTP " + status + " " + body);
      this.status = status;
    }
  }
}

package io.newsflow.bench.pipeline;

import io.newsflow.bench.Bench;
import io.newsflow.bench.Results;
import io.newsflow.bench.corpus.BenchArticle;
import io.newsflow.bench.corpus.Corpus;
import io.newsflow.bench.corpus.NewsCorpus;
import io.newsflow.bench.corpus.WireCopyGenerator;
import io.newsflow.bench.measure.CpuClock;
import io.newsflow.bench.measure.HeapWatch;
import io.newsflow.bench.measure.LatencySummary;
import io.newsflow.bench.measure.Machine;
import io.newsflow.bench.measure.ProcessMemory;
import io.newsflow.bench.measure.SystemCpu;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.launcher.Pipeline;
import io.newsflow.nlp.Models;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/newsflow bench pipeline}: the whole pipeline in this JVM (embedded broker unless KAFKA_BOOTSTRAP_SERVERS
 * is set), fed over HTTP at a fixed rate and then as fast as it goes, timed from POST to the index document.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Start the pipeline, post wire copy at a fixed rate then as fast as it goes, and time POST to news.index.")
public final class PipelineBenchCommand implements Callable<Integer> {

  /** The plumbing issue's latency target, with the shipped NLP: p99 POST to index at this rate. */
  static final double TARGET_RATE = 50;
  static final double TARGET_P99_MILLIS = 250;
  /** Its targets for the plumbing alone (--nlp none): CPU per article and articles per second sustained. */
  static final double PLUMBING_CPU_SECONDS = 0.005;
  static final double PLUMBING_RATE = 300;

  @Option(names = "--rate", defaultValue = "20", description = "Articles per second in the fixed-rate phase (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--duration", defaultValue = "60", description = "Seconds of the fixed-rate phase (default ${DEFAULT-VALUE})")
  int duration;

  @Option(names = "--burst", defaultValue = "400", description = "Articles posted as fast as they are accepted after the fixed-rate phase; 0 skips it (default ${DEFAULT-VALUE})")
  int burst;

  @Option(names = "--in-flight", defaultValue = "8", description = "Requests outstanding in the burst phase (default ${DEFAULT-VALUE})")
  int inFlight;

  @Option(names = "--warmup", defaultValue = "100", description = "Articles posted and indexed before measuring (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--idle", defaultValue = "10", description = "Seconds measured with nothing posted, after warm-up: the pipeline's fixed cost (default ${DEFAULT-VALUE})")
  int idle;

  @Option(names = "--seed", defaultValue = "42", description = "Corpus seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--drain-timeout", defaultValue = "180", description = "Seconds to wait for the last index document of a phase (default ${DEFAULT-VALUE})")
  int drainTimeout;

  @Option(names = "--corpus", description = "Post real stories from this JSON-lines corpus ({id, title, body}, e.g. "
      + "../shared/corpus/reuters21578.jsonl) instead of generated wire copy")
  Path corpus;

  @Option(names = "--words", defaultValue = "300-650", description = "Body length in words of the corpus stories "
      + "taken (default ${DEFAULT-VALUE}: about 450)")
  String words;

  @Option(names = "--nlp", defaultValue = "standard", description = "standard: the shipped models; none: language "
      + "only, no entities, stances or quotes, to measure the plumbing alone (default ${DEFAULT-VALUE})")
  String nlp;

  @Option(names = "--out", description = "Write the result as JSON to this file")
  Path out;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Sample files posted once each at the start of the fixed-rate phase")
  List<Path> files = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Instant startedAt = Instant.now();
    Machine machine = Machine.describe();
    String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path dataDir = Files.createTempDirectory("newsflow-bench-");
    int sinkPort = freePort();
    Map<String, String> env = environment(run, token, sinkPort);
    boolean external = env.containsKey("KAFKA_BOOTSTRAP_SERVERS");
    List<String> notes = new ArrayList<>();

    int atRate = (int) Math.round(rate * duration);
    List<BenchArticle> stories = new ArrayList<>();
    if (corpus != null) {
      String[] range = words.split("-");
      NewsCorpus.stories(corpus, warmup + atRate + burst, Integer.parseInt(range[0]), Integer.parseInt(range[1]),
          seed, run).forEach(s -> stories.add(s.toJsonArticle()));
    } else {
      new WireCopyGenerator(seed).stories(warmup + atRate + burst).forEach(s ->
          stories.add(new WireCopyGenerator.Story(s.id() + ":" + run, s.headline(), s.body(), s.published()).toJsonArticle()));
    }
    List<BenchArticle> samples = samples(files);

    HeapWatch heap = new HeapWatch();
    boolean rssReset = ProcessMemory.resetPeak();
    long started = System.nanoTime();
    List<PhaseResult> phases = new ArrayList<>();
    double startSeconds;
    long retainedAfterStart;
    String alerts;
    Supplier<Enricher> enricher = switch (nlp) {
      case "standard" -> Enrichment::standard;
      // the plumbing alone: language detection stays (it decides what the NLP would read), no models
      case "none" -> () -> new Enricher(Models.languages(), text -> List.of(),
          (text, entities) -> StanceTagger.Result.empty(), Clock.systemUTC());
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--nlp must be standard or none");
    };
    if (corpus == null) {
      notes.add("generated wire copy (" + WireCopyGenerator.class.getSimpleName() + ", seed " + seed + ")");
    } else {
      notes.add("real stories from " + corpus.getFileName() + " of " + words + " words, seed " + seed);
    }
    notes.add("NLP: " + nlp);
    try (Pipeline pipeline = Pipeline.start(env, dataDir, 0, enricher);
         IndexWatcher index = IndexWatcher.onIndex(pipeline.bootstrapServers());
         IndexWatcher duplicates = IndexWatcher.onDuplicates(pipeline.bootstrapServers())) {
      startSeconds = (System.nanoTime() - started) / 1e9;
      alerts = alertsMeasurement(sinkPort, token);
      Poster poster = new Poster(pipeline.ingestPort(), token);
      PhaseResult warm = phase("warm-up", index, duplicates, heap, () -> poster.atRate(stories.subList(0, warmup), rate), rate, poster);
      phases.add(warm);
      retainedAfterStart = HeapWatch.retainedAfterFullGc();
      if (idle > 0) {
        phases.add(phase("idle", index, duplicates, heap, () -> {
          Thread.sleep(idle * 1000L);
          return List.of();
        }, 0, poster));
      }
      List<BenchArticle> rated = new ArrayList<>(samples);
      rated.addAll(stories.subList(warmup, warmup + atRate));
      phases.add(phase("fixed-rate", index, duplicates, heap, () -> poster.atRate(rated, rate), rate, poster));
      if (burst > 0) {
        List<BenchArticle> fast = stories.subList(warmup + atRate, stories.size());
        phases.add(phase("as-fast-as-possible", index, duplicates, heap, () -> poster.asFastAsPossible(fast, inFlight), 0, poster));
      }
    } finally {
      heap.close();
      deleteRecursively(dataDir);
    }
    long peakRss = ProcessMemory.peakRssBytes();

    String deployment = external
        ? "ingest, enrich and sink in this JVM against the cluster at " + env.get("KAFKA_BOOTSTRAP_SERVERS")
        : "one JVM: embedded single-node KRaft broker, ingest, enrich and sink together (no per-service split of CPU or memory)";
    notes.add("CPU and memory are the whole JVM's: broker, the three services and the bench's HTTP client and consumer");
    notes.add("Latency is POST sent -> first sight of the story id on news.index by a read_committed consumer "
        + "(Streams runs exactly-once v2 with commit.interval.ms=" + env.getOrDefault("KAFKA_COMMIT_INTERVAL_MS",
            KafkaSettings.DEFAULT_COMMIT_INTERVAL_MS)
        + ", so a record becomes visible at a commit)");
    if (!rssReset) {
      notes.add("VmHWM could not be reset: peak RSS is since JVM start");
    }
    PhaseResult fixed = phases.stream().filter(p -> p.phase().equals("fixed-rate")).findFirst().orElseThrow();
    double others = phases.stream().mapToDouble(p -> p.machineLoad().otherCores()).max().orElse(0);
    if (others > 0.5) {
      notes.add(String.format(Locale.ROOT, "Other processes kept up to %.1f of %d cores busy during a phase: "
          + "latency and throughput here measure contention as much as newsflow; re-run on a quiet machine",
          others, machine.cores()));
    }
    PhaseResult fastest = phases.get(phases.size() - 1);
    // the latency target is for the shipped NLP: a run without it cannot meet it
    boolean met = nlp.equals("standard") && rate == TARGET_RATE
        && fixed.postToIndex().p99Millis() <= TARGET_P99_MILLIS && fixed.lost() == 0;
    if (nlp.equals("none")) {
      notes.add(String.format(Locale.ROOT, "plumbing targets: <= %.3f CPU-s per article at the fixed rate (%s), "
              + ">= %.0f articles/s sustained as fast as it goes (%s)", PLUMBING_CPU_SECONDS,
          fixed.cpuSecondsPerArticle() <= PLUMBING_CPU_SECONDS ? "met" : "NOT met", PLUMBING_RATE,
          phases.get(phases.size() - 1).sustainedArticlesPerSecond() >= PLUMBING_RATE ? "met" : "NOT met"));
    }
    PipelineBenchResult result = new PipelineBenchResult("pipeline", startedAt.toString(), Bench.commandLine(spec),
        deployment, fastest.sustainedArticlesPerSecond(), fixed.postToIndex().p99Millis(), fixed.cpuSecondsPerArticle(),
        new PipelineBenchResult.Targets(TARGET_RATE, TARGET_P99_MILLIS, met), alerts, phases, round(startSeconds),
        retainedAfterStart, peakRss, machine, Machine.loadAverage(), notes);
    if (out != null) {
      Results.write(out, result);
    }
    System.out.println(summary(result));
    return 0;
  }

  /** The environment the pipeline starts with: this run's token, free ports, and names no other run shares. */
  private static Map<String, String> environment(String run, String token, int sinkPort) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(IngestConfig.API_TOKENS.name(), "bench:" + token);
    env.remove(IngestConfig.API_TOKENS_FILE.name());
    env.put(IngestConfig.PORT.name(), "0");
    env.put(EnrichConfig.HTTP_PORT.name(), "0");
    env.put(SinkConfig.HTTP_PORT.name(), Integer.toString(sinkPort));
    env.put(EnrichConfig.APPLICATION_ID.name(), "newsflow-bench-enrich-" + run);
    env.put(SinkConfig.APPLICATION_ID.name(), "newsflow-bench-sink-" + run);
    env.remove(EnrichConfig.STATE_DIR.name());
    env.remove(SinkConfig.STATE_DIR.name());
    return env;
  }

  /** Sample files, named by the story id ingest will give them (source "bench"), so their index documents are matched. */
  private static List<BenchArticle> samples(List<Path> files) throws IOException {
    List<BenchArticle> samples = new ArrayList<>();
    for (BenchArticle a : Corpus.of(0, 0, files)) {
      var parsed = WireFormats.parse(a.bytes(), a.mediaType());
      if (parsed.size() == 1) {
        String id = RawArticles.from(parsed.get(0), "bench", a.mediaType(), a.bytes(), Instant.now()).getId();
        samples.add(new BenchArticle(id, a.mediaType(), a.bytes()));
      }
    }
    return samples;
  }

  private interface Posting {
    List<Poster.Post> run() throws Exception;
  }

  private PhaseResult phase(String name, IndexWatcher index, IndexWatcher duplicates, HeapWatch heap,
                            Posting posting, double offered, Poster poster) throws Exception {
    int failuresBefore = poster.failures();
    heap.reset();
    SystemCpu machine = SystemCpu.start();
    long cpu0 = CpuClock.processNanos();
    long wall0 = System.nanoTime();
    List<Poster.Post> posts = posting.run();
    List<String> accepted = posts.stream().filter(p -> p.status == 202).map(p -> p.id).toList();
    long deadline = System.nanoTime() + Duration.ofSeconds(drainTimeout).toNanos();
    while (!index.seenAll(accepted, duplicates) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    long cpu = CpuClock.processNanos() - cpu0;
    long wall = System.nanoTime() - wall0;
    List<Long> toIndex = new ArrayList<>();
    long lastArrival = Long.MIN_VALUE;
    for (Poster.Post p : posts) {
      Long arrival = p.status == 202 ? index.arrival(p.id) : null;
      if (arrival != null) {
        toIndex.add(arrival - p.sentNanos);
        lastArrival = Math.max(lastArrival, arrival);
      }
    }
    long firstSent = posts.stream().mapToLong(p -> p.sentNanos).min().orElse(wall0);
    double span = (lastArrival - firstSent) / 1e9;
    int indexed = toIndex.size();
    long[] answers = posts.stream().mapToLong(p -> p.answeredNanos - p.sentNanos).toArray();
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    posts.forEach(p -> statuses.merge(Integer.toString(p.status), 1, Integer::sum));
    int recorded = (int) accepted.stream().filter(id -> index.arrival(id) == null && duplicates.arrival(id) != null)
        .count();
    int lost = accepted.size() - (int) accepted.stream().filter(id -> index.arrival(id) != null).count() - recorded;
    int duplicated = index.duplicates(accepted);
    return new PhaseResult(name, posts.size(), poster.failures() - failuresBefore, statuses, indexed, lost, recorded,
        duplicated,
        offered,
        indexed == 0 ? 0 : round(indexed / span),
        LatencySummary.ofNanos(toIndex.stream().mapToLong(Long::longValue).toArray()),
        LatencySummary.ofNanos(answers), round(wall / 1e9), round(cpu / 1e9),
        indexed == 0 ? Double.NaN : Math.round(cpu / 1e9 / indexed * 10000) / 10000.0,
        round((double) cpu / wall), machine.stop(), heap.figures(), ProcessMemory.peakRssBytes());
  }

  /**
   * Latency to alert needs the alerts feature: a subscription API on the sink. When the sink answers 404 there is
   * nothing to subscribe to, so the figure is reported as not measured rather than guessed.
   */
  private static String alertsMeasurement(int sinkPort, String token) {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + sinkPort + "/v1/subscriptions"))
              .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 404
          ? "not measured: this build's sink has no subscription API (GET /v1/subscriptions answered 404), so no alerts exist"
          : "not measured: the sink answers /v1/subscriptions (HTTP " + response.statusCode()
              + ") but this bench does not create subscriptions yet";
    } catch (IOException e) {
      return "not measured: the sink HTTP API did not answer (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "not measured: interrupted";
    }
  }

  static String summary(PipelineBenchResult r) {
    StringBuilder s = new StringBuilder();
    s.append("newsflow bench pipeline — ").append(r.deployment()).append('\n');
    s.append(String.format(Locale.ROOT, "machine: %d cores, %s, %s; load average %.1f at start, %.1f at end; code %s%s%n",
        r.machine().cores(), r.machine().cpuModel(), r.machine().jvm(), r.machine().loadAverageAtStart(),
        r.loadAverageAtEnd(), r.machine().gitCommit(), r.machine().gitDirty() ? " (uncommitted changes)" : ""));
    s.append(String.format(Locale.ROOT, "pipeline started in %.1f s; heap retained after warm-up %s%n",
        r.pipelineStartSeconds(), Results.megabytes(r.retainedHeapBytesAfterStart())));
    s.append(String.format(Locale.ROOT, "%-20s %6s %6s %4s %4s %4s %8s %9s %8s %8s %8s %8s %9s %6s %6s%n", "phase",
        "posted", "indexd", "lost", "rdup", "dup", "offered/s", "indexed/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU-s/art", "cores",
        "others"));
    for (PhaseResult p : r.phases()) {
      s.append(String.format(Locale.ROOT, "%-20s %6d %6d %4d %4d %4d %8s %9.1f %8.1f %8.1f %8.1f %8.1f %9.4f %6.2f %6.2f%n",
          p.phase(), p.posted(), p.indexed(), p.lost(), p.recordedDuplicates(), p.duplicated(), p.phase().equals("idle") ? "0" : p.offeredArticlesPerSecond() == 0 ? "max"
              : String.format(Locale.ROOT, "%.1f", p.offeredArticlesPerSecond()),
          p.sustainedArticlesPerSecond(), p.postToIndex().p50Millis(), p.postToIndex().p95Millis(),
          p.postToIndex().p99Millis(), p.postToIndex().maxMillis(), p.cpuSecondsPerArticle(), p.meanCpuCoresBusy(),
          p.machineLoad().otherCores()));
    }
    s.append(String.format(Locale.ROOT, "target p99 POST->index <= %.0f ms at %.0f articles/s: %s%n",
        TARGET_P99_MILLIS, TARGET_RATE, r.targets().met() ? "met" : "NOT met"));
    s.append("POST->alert: ").append(r.postToAlert()).append('\n');
    s.append("peak RSS ").append(Results.megabytes(r.peakRssBytes())).append('\n');
    r.notes().forEach(n -> s.append("note: ").append(n).append('\n'));
    return s.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

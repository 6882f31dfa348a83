package io.newsflow.launcher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enricher;
import io.newsflow.launcher.Newsflow;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Response;
import io.newsflow.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user sees when a command fails: one line, an exit code, a stack trace only with --verbose. */
class CommandLineTest {

  @TempDir
  Path dir;

  private HttpService stub;

  @AfterEach
  void stopStub() {
    if (stub != null) {
      stub.stop(Duration.ZERO);
    }
  }

  @Test
  void postToAServiceThatIsNotThereSaysSoInOneLineWithExitCode3() throws Exception {
    Path story = story();

    Result result = run(() -> Newsflow.run("post", "--url", "http://127.0.0.1:" + freePort(), "--wait", "0",
        story.toString()));

    assertThat(result.exit).isEqualTo(CliFailure.UNREACHABLE);
    assertThat(result.errLines()).singleElement().asString()
        .startsWith("newsflow: cannot reach ingest at http://127.0.0.1:").contains("connection refused");
  }

  @Test
  void verboseAddsTheStackTrace() throws Exception {
    Path story = story();

    Result result = run(() -> Newsflow.run("post", "--verbose", "--url", "http://127.0.0.1:" + freePort(),
        "--wait", "0", story.toString()));

    assertThat(result.exit).isEqualTo(CliFailure.UNREACHABLE);
    assertThat(result.err).startsWith("newsflow: cannot reach ingest").contains("ConnectException").contains("\tat ");
  }

  @Test
  void aProblemAnswerBecomesOneLineWithExitCode4() {
    stub = HttpService.builder("sink", new InetSocketAddress("127.0.0.1", 0))
        .route("POST", "/v1/subscriptions", r -> {
          throw new ProblemException(Problem.of(400, "invalid-field", "Invalid subscription",
              "minUrgency must be 1 (most urgent) to 9").with("field", "minUrgency"));
        })
        .build().start();

    Result result = run(() -> Newsflow.run("subscribe", "--url", "http://127.0.0.1:" + stub.port(),
        "--keyword", "troops", "--min-urgency", "12"));

    assertThat(result.exit).isEqualTo(CliFailure.SERVICE_ERROR);
    assertThat(result.errLines()).containsExactly("newsflow: sink answered 400 Invalid subscription: "
        + "minUrgency must be 1 (most urgent) to 9 (field minUrgency)");
    assertThat(result.out).isEmpty();
  }

  @Test
  void subscribeWaitsForASinkThatIsStillStarting() throws Exception {
    int port = freePort();
    CompletableFuture<HttpService> late = CompletableFuture.supplyAsync(() -> HttpService.builder("sink",
            new InetSocketAddress("127.0.0.1", port))
        .route("POST", "/v1/subscriptions", r -> Response.json(201, Map.of("id", "sub-1")))
        .build().start(), CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS));

    Result result = run(() -> Newsflow.run("subscribe", "--url", "http://127.0.0.1:" + port, "--wait", "30",
        "--keyword", "troops"));
    stub = late.join();

    assertThat(result.exit).isZero();
    assertThat(result.out.strip()).isEqualTo("sub-1");
    assertThat(result.err).contains("waiting for sink");
  }

  @Test
  void aCommandLineThatCannotBeReadIsAUsageErrorWithExitCode2() {
    Result missing = run(() -> Newsflow.run("post"));
    Result unknown = run(() -> Newsflow.run("tail", "news.index", "--keyz"));

    assertThat(missing.exit).isEqualTo(CliFailure.USAGE);
    assertThat(missing.errLines()).first().asString().startsWith("newsflow: Missing required parameter");
    assertThat(unknown.exit).isEqualTo(CliFailure.USAGE);
    assertThat(unknown.err).contains("newsflow: Unknown option: '--keyz'").doesNotContain("\tat ");
  }

  @Test
  void annotateReadsJsonLinesLikeIngestKeepsTheirLanguageAndReportsBadLinesByNumber() throws Exception {
    // given a results table declared English (too little prose to detect), a line without headline, a story
    Path lines = dir.resolve("stories.jsonl");
    Files.writeString(lines, String.join("\n",
        "{\"id\":\"table-1\",\"headline\":\"Dutch league\",\"body\":\"1. Ajax 12 9 2 1 30-8 29\",\"language\":\"en\",\"urgency\":4}",
        "{\"id\":\"broken\",\"body\":\"No headline here.\"}",
        "{\"id\":\"story-3\",\"headline\":\"Council meets\",\"body\":\"The regional council met on Tuesday to discuss the flood defences of the city.\"}",
        ""));
    AnnotateCommand annotate = new AnnotateCommand();
    annotate.enrichment = () -> new Enricher(LanguageIdentifier.load(), text -> List.of(),
        (text, entities) -> StanceTagger.Result.empty(), Clock.systemUTC());

    // when
    Result result = run(() -> Newsflow.configure(new CommandLine(annotate), false).execute(lines.toString()));

    // then the good lines are annotated with every field kept, the bad one named by its line, and the exit is 1
    assertThat(result.exit).isEqualTo(CliFailure.FAILED);
    List<JsonNode> documents = result.outLines().stream().map(CommandLineTest::json).toList();
    assertThat(documents).extracting(d -> d.path("id").asText()).containsExactly("table-1", "story-3");
    assertThat(documents.get(0).path("language").asText()).isEqualTo("en");
    assertThat(documents.get(0).path("languageSource").asText()).isEqualTo("record");
    assertThat(documents.get(0).path("urgency").asInt()).isEqualTo(4);
    assertThat(result.errLines()).first().asString().contains("stories.jsonl: line 2").contains("headline");
    assertThat(result.errLines()).last().asString().startsWith("newsflow: 1 item(s) could not be read; 2 annotated");
  }

  @Test
  void tailWithKeysPrintsEveryRecordWithItsKeyAndTombstonesAsNull() {
    ConsumerRecord<byte[], byte[]> document = new ConsumerRecord<>("news.index", 0, 4L, bytes("story-1"),
        bytes("{\"id\":\"story-1\",\"version\":2}"));
    ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>("news.index", 0, 5L, bytes("story-1"), null);

    assertThat(TailCommand.line("news.index", document, true))
        .isEqualTo("{\"key\":\"story-1\",\"value\":{\"id\":\"story-1\",\"version\":2}}");
    assertThat(TailCommand.line("news.index", tombstone, true)).isEqualTo("{\"key\":\"story-1\",\"value\":null}");
    assertThat(TailCommand.line("news.index", document, false)).isEqualTo("{\"id\":\"story-1\",\"version\":2}");
    assertThat(TailCommand.line("news.index", tombstone, false)).isEqualTo("{\"key\":\"story-1\",\"value\":null}");
  }

  private Path story() throws Exception {
    Path file = dir.resolve("story.txt");
    Files.writeString(file, "Council meets\n\nThe council met on Tuesday.\n");
    return file;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private interface Command {
    int run() throws Exception;
  }

  /** Runs a command with stdout and stderr captured. */
  private static Result run(Command command) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = command.run();
      return new Result(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}

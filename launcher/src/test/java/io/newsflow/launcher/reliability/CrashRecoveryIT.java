package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.launcher.audit.AuditPrinter;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kill -9 of the enrich and of the sink process mid-stream, restart, and account for every posted story.
 *
 * <p>Every service is an operating-system process started from {@code bin/newsflow} (the broker from
 * {@code BrokerMain}), with its own port and state directory. Each round posts stories, kills one service with
 * SIGKILL after a share of them, posts the rest while it is down, starts it again on the same state directory and
 * waits until the audit accounts for every story. The audit must then be clean: as many accounted articles as
 * posted, none missing, no story version twice on news.enriched or news.index.
 *
 * <p>CI runs a short variant. The long one: {@code mvn -B -pl launcher -am verify -Dit.test=CrashRecoveryIT
 * -Dnewsflow.crash.stories=150 -Dnewsflow.crash.points=0.1,0.25,0.5,0.75,0.9}.
 */
class CrashRecoveryIT {

  private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);
  private static final String TOKEN = "crash-test-token-5c1f";

  @TempDir
  static Path dir;

  static ServiceProcess broker;
  static ServiceProcess ingest;
  static ServiceProcess enrich;
  static ServiceProcess sink;
  static String bootstrap;
  static int ingestPort;
  static int enrichPort;
  static int sinkPort;

  @BeforeAll
  static void startPipelineProcesses() throws Exception {
    // kept after the run, beside the summary, for a look at what each process did
    Path logs = Files.createDirectories(ServiceProcess.repoRoot().resolve("launcher/target/crash-recovery-logs"));
    int kafkaPort = Ports.freePair();
    bootstrap = "localhost:" + kafkaPort;
    broker = ServiceProcess.broker(Map.of("NEWSFLOW_DATA_DIR", dir.resolve("broker").toString(),
        "NEWSFLOW_EMBEDDED_KAFKA_PORT", String.valueOf(kafkaPort)), logs).start();
    Map<String, String> kafka = Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() ->
        TopicAdmin.createTopics(KafkaSettings.common(Settings.from(kafka), bootstrap), 3, (short) 1));

    ingestPort = Ports.free();
    enrichPort = Ports.free();
    sinkPort = Ports.free();
    Map<String, String> common = new HashMap<>(kafka);
    common.put("NEWSFLOW_JAVA_OPTS", "-Xmx384m");
    // a killed member's partitions move after the session timeout: the broker's minimum, not 45 s
    common.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
    common.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1500");
    ingest = ServiceProcess.newsflow("ingest", with(common, "NEWSFLOW_INGEST_PORT", String.valueOf(ingestPort),
        "NEWSFLOW_API_TOKENS", "crash:" + TOKEN), logs).start();
    enrich = ServiceProcess.newsflow("enrich", with(common, "NEWSFLOW_ENRICH_HTTP_PORT", String.valueOf(enrichPort),
        "NEWSFLOW_ENRICH_STATE_DIR", dir.resolve("enrich-state").toString()), logs).start();
    sink = ServiceProcess.newsflow("sink", with(common, "NEWSFLOW_SINK_PORT", String.valueOf(sinkPort),
        "NEWSFLOW_SINK_STATE_DIR", dir.resolve("sink-state").toString()), logs).start();
    awaitReady();
  }

  @AfterAll
  static void stopPipelineProcesses() throws Exception {
    for (ServiceProcess p : new ServiceProcess[] {ingest, enrich, sink, broker}) {
      if (p != null) {
        p.close();
      }
    }
  }

  @Test
  void everyPostedStoryIsAccountedForExactlyOnceAfterKillsOfEnrichAndSink() throws Exception {
    // given
    int storiesPerRound = Integer.getInteger("newsflow.crash.stories", 24);
    List<Double> killPoints = List.of(System.getProperty("newsflow.crash.points", "0.1,0.5,0.9").split(",")).stream()
        .map(Double::parseDouble).toList();
    Newsroom newsroom = new Newsroom(ingestPort, TOKEN);
    int posted = 0;
    int kills = 0;
    AtomicReference<AuditReport> last = new AtomicReference<>();

    for (int round = 0; round < killPoints.size(); round++) {
      ServiceProcess victim = round % 2 == 0 ? enrich : sink;
      int killAfter = (int) Math.round(storiesPerRound * killPoints.get(round));
      // when
      for (int i = 0; i < storiesPerRound; i++) {
        if (i == killAfter) {
          victim.kill9();
          kills++;
          log.info("Round {}: killed {} after {} of {} stories", round, victim == enrich ? "enrich" : "sink", i, storiesPerRound);
        }
        int status = newsroom.post("urn:crash:r" + round + ":" + i, 1, "Story " + i + " of round " + round);
        assertThat(status).as("ingest answer to story %d of round %d", i, round).isEqualTo(202);
        posted++;
      }
      victim.start();
      awaitReady();
      int expected = posted;
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        AuditReport report = Audits.audit(bootstrap);
        last.set(report);
        assertThat(report.accepted()).isEqualTo(expected);
        assertThat(report.unaccounted()).isEmpty();
      });
      // then
      AuditReport report = last.get();
      log.info("Round {} audit:\n{}", round, AuditPrinter.text(report));
      assertThat(report.duplicated()).as("story versions written more than once").isEmpty();
      assertThat(report.indexed()).isEqualTo(expected);
      assertThat(report.clean()).isTrue();
    }
    String summary = "stories posted " + posted + ", kills " + kills + ", lost " + last.get().unaccounted().size()
        + ", duplicated " + last.get().duplicated().size();
    log.info("CrashRecoveryIT: {}", summary);
    Files.writeString(ServiceProcess.repoRoot().resolve("launcher/target/crash-recovery-summary.txt"),
        summary + "\n" + AuditPrinter.text(last.get()));
  }

  private static void awaitReady() {
    Newsroom probe = new Newsroom(ingestPort, TOKEN);
    for (int port : new int[] {ingestPort, enrichPort, sinkPort}) {
      await("service on port " + port + " ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
          .until(() -> probe.ready("http://localhost:" + port + "/health/ready"));
    }
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> env = new HashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

}

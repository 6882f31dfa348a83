package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.launcher.IndexTopicReader;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 20: ingest is stateless, so two instances share the work. The same newsroom posts through both, in turn:
 * every story, its resend through the other instance, and an update through either. Every story is indexed once
 * in its latest version, every resend is recorded as a duplicate, nothing is written twice and the audit is clean.
 */
class TwoIngestInstancesIT {

  private static final Logger log = LoggerFactory.getLogger(TwoIngestInstancesIT.class);
  private static final String TOKEN = "two-ingest-token-31d0";
  private static final int STORIES = 12;

  @TempDir
  static Path dir;

  static Pipeline pipeline;
  static IngestService second;

  @BeforeAll
  static void startPipelineAndASecondIngest() throws Exception {
    pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
        "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, Enrichment::standard);
    long start = System.nanoTime();
    second = IngestService.start(IngestConfig.from(Settings.from(Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
        "NEWSFLOW_INGEST_PORT", "0", "KAFKA_BOOTSTRAP_SERVERS", pipeline.bootstrapServers()))));
    log.info("Second ingest instance started in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (second != null) {
      second.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void clientsAlternatingBetweenTwoInstancesLoseNothingAndIndexNothingTwice() throws Exception {
    // given one newsroom client per instance
    List<Newsroom> instances = List.of(new Newsroom(pipeline.ingestPort(), TOKEN), new Newsroom(second.port(), TOKEN));
    int posted = 0;
    List<Integer> statuses = new ArrayList<>();

    // when every story goes through one instance, its resend through the other at once, and a second resend
    // later; every third story is then updated through the instance that did not take version 1
    for (int i = 0; i < STORIES; i++) {
      statuses.add(instances.get(i % 2).post("urn:wire:shared-" + i, 1, "Council story " + i));
      statuses.add(instances.get((i + 1) % 2).post("urn:wire:shared-" + i, 1, "Council story " + i));
      posted += 2;
    }
    for (int i = 0; i < STORIES; i++) {
      statuses.add(instances.get((i + 1) % 2).post("urn:wire:shared-" + i, 1, "Council story " + i));
      posted++;
      if (i % 3 == 0) {
        statuses.add(instances.get((i + 1) % 2).post("urn:wire:shared-" + i, 2, "Council story " + i + " updated"));
        posted++;
      }
    }

    // then every post succeeded: accepted (202), or answered as a duplicate (200) once enrich had recorded it
    assertThat(statuses).hasSize(posted).allSatisfy(s -> assertThat(s).isIn(200, 202));
    long acceptedCount = statuses.stream().filter(s -> s == 202).count();
    log.info("{} posts: {} accepted, {} answered as duplicates", posted, acceptedCount, posted - acceptedCount);

    // and every story is indexed once, in its latest version
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < STORIES; i++) {
      expected.put("urn:wire:shared-" + i, i % 3 == 0 ? 2L : 1L);
    }
    AuditReport report = await().atMost(Duration.ofMinutes(3)).until(() -> Audits.audit(pipeline.bootstrapServers()),
        r -> r.accepted() == acceptedCount && r.unaccounted().isEmpty());
    try (IndexTopicReader reader = IndexTopicReader.index(pipeline.bootstrapServers())) {
      Map<String, String> index = await().atMost(Duration.ofMinutes(2)).until(reader::poll,
          docs -> expected.entrySet().stream().allMatch(e -> docs.containsKey(e.getKey())
              && version(docs.get(e.getKey())) == e.getValue()));
      assertThat(index.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      Map<String, Long> documentsPerVersion = new HashMap<>();
      for (ConsumerRecord<String, String> r : reader.records()) {
        documentsPerVersion.merge(r.key() + " v" + version(r.value()), 1L, Long::sum);
      }
      assertThat(documentsPerVersion).allSatisfy((storyVersion, n) -> assertThat(n).as(storyVersion).isEqualTo(1L));
    }
    assertThat(report.duplicated()).isEmpty();
    assertThat(report.deadLettered()).isZero();
    assertThat(report.indexed() + report.duplicates()).isEqualTo(acceptedCount);

    // and once both instances' views have caught up with news.stories, a resend through either is answered as a
    // duplicate and not published again
    for (Newsroom instance : instances) {
      await().atMost(Duration.ofMinutes(1)).until(() -> instance.post("urn:wire:shared-1", 1, "Council story 1") == 200);
    }
    long rawBefore = Audits.read(pipeline.bootstrapServers()).raw().size();
    assertThat(instances.get(0).post("urn:wire:shared-0", 2, "Council story 0 updated")).isEqualTo(200);
    assertThat(instances.get(1).post("urn:wire:shared-0", 2, "Council story 0 updated")).isEqualTo(200);
    assertThat(Audits.read(pipeline.bootstrapServers()).raw()).hasSize((int) rawBefore);
  }

  private static long version(String json) {
    try {
      JsonNode doc = Json.mapper().readTree(json);
      return doc.path("version").asLong();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Unreadable index document: " + json, e);
    }
  }
}

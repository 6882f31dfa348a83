package io.newsflow.launcher.reliability;

import io.newsflow.enrich.TimeBudget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure in one article's enrichment dead-letters that article and the stream goes on: an exception thrown
 * by the entity step, and a step that never returns (held by a {@link TimeBudget}).
 */
class EnrichmentFailureIT {

  private static final String TOKEN = "failure-test-token";
  /** Never released: the stalled step stays stalled until the budget interrupts it. */
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  @TempDir
  static Path dir;

  static Pipeline pipeline;

  @BeforeAll
  static void startPipelineWithFaultyTaggers() throws Exception {
    EntityTagger faulty = text -> {
      if (text.headline().contains("EXPLODE")) {
        throw new IllegalStateException("tagger failed on purpose");
      }
      if (text.headline().contains("STALL")) {
        try {
          NEVER.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return List.of();
    };
    TimeBudget budget = new TimeBudget(Duration.ofSeconds(3));
    StanceTagger stances = (text, found) -> StanceTagger.Result.empty();
    pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
            "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, () -> new Enricher(LanguageIdentifier.load(), budget.entities(faulty), budget.stances(stances),
            Clock.systemUTC()));
  }

  @AfterAll
  static void stopPipeline() {
    pipeline.close();
  }

  @Test
  void deadLettersTheArticleWhoseEnrichmentThrowsOrStallsAndIndexesTheOthers() throws Exception {
    // given
    Newsroom newsroom = new Newsroom(pipeline.ingestPort(), TOKEN);

    // when
    assertThat(newsroom.post("urn:failure:explode", 1, "EXPLODE council budget vote")).isEqualTo(202);
    assertThat(newsroom.post("urn:failure:stall", 1, "STALL council budget vote")).isEqualTo(202);
    for (int i = 0; i < 6; i++) {
      assertThat(newsroom.post("urn:failure:ok-" + i, 1, "Council budget vote " + i)).isEqualTo(202);
    }

    // then
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      AuditReport report = Audits.audit(pipeline.bootstrapServers());
      assertThat(report.accepted()).isEqualTo(8);
      assertThat(report.unaccounted()).isEmpty();
    });
    AuditReport report = Audits.audit(pipeline.bootstrapServers());
    assertThat(report.indexed()).isEqualTo(6);
    assertThat(report.deadLettered()).isEqualTo(2);
    assertThat(report.clean()).isTrue();
    TopicContents topics = Audits.read(pipeline.bootstrapServers());
    assertThat(topics.index()).extracting(TopicContents.IndexRecord::key)
        .doesNotContain("urn:failure:explode", "urn:failure:stall");
    List<ConsumerRecord<byte[], byte[]>> letters = PoisonPillIT.readAll(pipeline.bootstrapServers(), Topics.DEAD_LETTER.name());
    assertThat(letters).extracting(l -> rawId(l.value())).containsExactlyInAnyOrder("urn:failure:explode", "urn:failure:stall");
    assertThat(letters).allSatisfy(l -> {
      // enrichment runs after the re-key by text digest, so the source is enrich's repartition topic
      assertThat(PoisonPillIT.header(l, "__streams.errors.topic")).isEqualTo("newsflow-enrich-articles-by-text-digest-repartition");
      assertThat(PoisonPillIT.header(l, "newsflow.error.step")).isEqualTo("enrich-article");
      assertThat(PoisonPillIT.header(l, "newsflow.error.service")).isEqualTo("newsflow-enrich");
      assertThat(PoisonPillIT.header(l, "__streams.errors.offset")).isNotBlank();
    });
    assertThat(letters).extracting(l -> PoisonPillIT.header(l, "__streams.errors.message"))
        .anySatisfy(m -> assertThat(m).contains("tagger failed on purpose"))
        .anySatisfy(m -> assertThat(m).contains("took longer than"));
  }

  /** A dead letter of a processing failure carries the original raw record. */
  private static String rawId(byte[] value) {
    RawArticle raw = Topics.RAW.valueSerde().deserializer().deserialize(Topics.RAW.name(), value);
    return raw.getId();
  }
}

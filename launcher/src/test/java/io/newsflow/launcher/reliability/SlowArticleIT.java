package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article that takes longer than Kafka Streams' default exactly-once transaction timeout (10 s) but less than
 * enrich's step budget is indexed once, not aborted and processed again in a loop.
 */
class SlowArticleIT {

  private static final String TOKEN = "slow-article-token";
  /**
   * Under the step budget, and over the 10 s transaction timeout Streams gives exactly-once producers plus the 10 s
   * interval at which the coordinator looks for timed-out transactions, so that it is aborted for certain.
   */
  private static final Duration SLOW_STEP = Duration.ofSeconds(22);

  @TempDir
  Path dir;

  @Test
  void indexesAnArticleWhoseEnrichmentOutlastsTheDefaultTransactionTimeoutOnce() throws Exception {
    // given
    assertThat(SLOW_STEP).isLessThan(EnrichService.ARTICLE_STEP_BUDGET);
    EntityTagger slow = text -> {
      if (text.headline().contains("SLOW")) {
        try {
          Thread.sleep(SLOW_STEP.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return List.of();
    };
    StanceTagger stances = (text, found) -> StanceTagger.Result.empty();
    try (Pipeline pipeline = Pipeline.start(Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN, "NEWSFLOW_PARTITIONS", "1",
            "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
        dir, 0, () -> new Enricher(LanguageIdentifier.load(), slow, stances, Clock.systemUTC()))) {
      Newsroom newsroom = new Newsroom(pipeline.ingestPort(), TOKEN);

      // when: a quick story, the slow one behind it on the same partition, and two more
      assertThat(newsroom.post("urn:slow:before", 1, "Council budget vote")).isEqualTo(202);
      assertThat(newsroom.post("urn:slow:slow", 1, "SLOW council budget vote")).isEqualTo(202);
      assertThat(newsroom.post("urn:slow:after-1", 1, "Harbour dues rise")).isEqualTo(202);
      assertThat(newsroom.post("urn:slow:after-2", 1, "Library opens late")).isEqualTo(202);

      // then
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
        AuditReport report = Audits.audit(pipeline.bootstrapServers());
        assertThat(report.accepted()).isEqualTo(4);
        assertThat(report.unaccounted()).isEmpty();
      });
      AuditReport report = Audits.audit(pipeline.bootstrapServers());
      assertThat(report.indexed()).isEqualTo(4);
      assertThat(report.deadLettered()).isZero();
      assertThat(report.clean()).isTrue();
      assertThat(Audits.read(pipeline.bootstrapServers()).index()).extracting(TopicContents.IndexRecord::key)
          .containsExactlyInAnyOrder("urn:slow:before", "urn:slow:slow", "urn:slow:after-1", "urn:slow:after-2");
    }
  }
}

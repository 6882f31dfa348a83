package io.newsflow.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import io.newsflow.platform.logging.LogContext;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class ArticleIntakeTest {

  private final TestIntake test = new TestIntake();

  private List<Outcome> ingest(String body, String mediaType) {
    return test.intake.ingest(body.getBytes(StandardCharsets.UTF_8), mediaType, "agency");
  }

  @Test
  void storyWithoutAStatedVersionGetsTheNextVersionWhenItsTextChanges() {
    // given
    String first = "<rss version=\"2.0\"><channel><item><guid>g1</guid><title>T</title>"
        + "<description>Original text.</description></item></channel></rss>";
    String changed = first.replace("Original text.", "Updated text.");

    // when (enrich has recorded each on news.stories before the next comes)
    Outcome a = ingest(first, "application/rss+xml").get(0);
    test.storiesCaughtUp();
    Outcome again = ingest(first, "application/rss+xml").get(0);
    Outcome b = ingest(changed, "application/rss+xml").get(0);

    // then
    assertThat(a.status()).isEqualTo(Outcome.Status.ACCEPTED);
    assertThat(a.version()).isEqualTo(1);
    assertThat(again.status()).isEqualTo(Outcome.Status.DUPLICATE);
    assertThat(b.status()).isEqualTo(Outcome.Status.ACCEPTED);
    assertThat(b.version()).isEqualTo(2);
    assertThat(test.published()).extracting(RawArticle::getVersion).containsExactly(1L, 2L);
  }

  @Test
  void publishesEachArticleUnderTheTraceOfTheRequestThatBroughtIt() {
    // given a request's trace
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";

    // when two articles come in with it
    try (LogContext request = LogContext.trace(trace)) {
      ingest("[{\"id\":\"t1\",\"headline\":\"H\",\"body\":\"One\"},"
          + "{\"id\":\"t2\",\"headline\":\"H\",\"body\":\"Two\"}]", "application/json");
    }

    // then both raw records carry it in a W3C traceparent header
    assertThat(test.producer.history()).hasSize(2).allSatisfy(record -> {
      Header traceparent = record.headers().lastHeader(LogContext.TRACEPARENT);
      assertThat(traceparent).isNotNull();
      assertThat(LogContext.traceIdOf(new String(traceparent.value(), StandardCharsets.UTF_8))).isEqualTo(trace);
      // and the record itself, so that the index document and the alerts carry the same id
      assertThat(record.value().getTraceId()).isEqualTo(trace);
    });
  }

  @Test
  void refusesAStoryOfAnotherSourceWith403AndCountsIt() {
    // given agency-a's story is on news.stories
    test.intake.ingest("{\"id\":\"urn:agency-a:1\",\"headline\":\"H\",\"body\":\"B\",\"version\":1}"
        .getBytes(StandardCharsets.UTF_8), "application/json", "agency-a");
    test.storiesCaughtUp();

    // when agency-b sends version 2 of it
    Outcome forged = test.intake.ingest(("{\"id\":\"urn:agency-a:1\",\"headline\":\"FORGED by agency B\","
        + "\"body\":\"B\",\"version\":2}").getBytes(StandardCharsets.UTF_8), "application/json", "agency-b").get(0);

    // then it is refused with a not-owner problem, counted, and not published
    assertThat(forged.status()).isEqualTo(Outcome.Status.REJECTED);
    assertThat(forged.problem().status()).isEqualTo(403);
    assertThat(forged.problem().toJson(null).get("type").toString()).endsWith(ArticleIntake.NOT_OWNER);
    assertThat(test.metrics.find(ArticleIntake.REFUSED).tag("reason", ArticleIntake.NOT_OWNER).counter().count())
        .isEqualTo(1.0);
    assertThat(test.published()).hasSize(1);
  }

  @Test
  void sameStatedVersionWithDifferentTextIsAConflictAndNotPublished() {
    // given version 3 is on news.stories
    ingest("{\"id\":\"s1\",\"headline\":\"H\",\"body\":\"One\",\"version\":3}", "application/json");
    test.storiesCaughtUp();

    // when
    Outcome conflict = ingest("{\"id\":\"s1\",\"headline\":\"H\",\"body\":\"Two\",\"version\":3}", "application/json")
        .get(0);

    // then
    assertThat(conflict.status()).isEqualTo(Outcome.Status.REJECTED);
    assertThat(conflict.problem().status()).isEqualTo(409);
    assertThat(conflict.problem().extras()).containsEntry("field", "version");
    assertThat(test.published()).hasSize(1);
  }

  @Test
  void articleOverTheSizeLimitIsRejectedWith413NamingTheBody() {
    // given
    String body = "x".repeat(70 * 1024);

    // when
    Outcome outcome = ingest("{\"headline\":\"H\",\"body\":\"" + body + "\"}", "application/json").get(0);

    // then
    assertThat(outcome.problem().status()).isEqualTo(413);
    assertThat(outcome.problem().extras()).containsEntry("field", "body");
    assertThat(test.published()).isEmpty();
  }

  @Test
  void unknownMediaTypeIsA415SayingWhatIsExpected() {
    assertThatThrownBy(() -> ingest("%PDF-1.4", "application/pdf"))
        .isInstanceOfSatisfying(ProblemDocumentException.class, e -> {
          assertThat(e.problem().status()).isEqualTo(415);
          assertThat(e.problem().detail()).contains("application/vnd.iptc.ninjs+json", "application/rss+xml");
        });
    assertThat(test.published()).isEmpty();
  }

  @Test
  void kafkaRefusingTheRecordIsA503AndTheVersionCanBeRetried() {
    // given
    TestIntake failing = new TestIntake();
    String article = "{\"id\":\"k1\",\"headline\":\"H\",\"body\":\"B\"}";
    failing.producer.sendException = new org.apache.kafka.common.errors.TimeoutException("broker down");

    // when
    Outcome refused = failing.intake.ingest(article.getBytes(StandardCharsets.UTF_8), "application/json", "a").get(0);
    failing.producer.sendException = null;
    Outcome retried = failing.intake.ingest(article.getBytes(StandardCharsets.UTF_8), "application/json", "a").get(0);

    // then
    assertThat(refused.problem().status()).isEqualTo(503);
    assertThat(refused.problem().extras()).containsEntry("retryable", true);
    assertThat(retried.status()).isEqualTo(Outcome.Status.ACCEPTED);
  }
}

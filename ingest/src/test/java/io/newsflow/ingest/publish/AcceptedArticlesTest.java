package io.newsflow.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcceptedArticlesTest {

  private static RawArticle article(String id, long version, String body) {
    return RawArticles.from(ParsedArticle.simple(id, version, "H", body, SourceFormat.JSON), "s", "application/json",
        body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
  }

  @Test
  void restoredVersionsMakeAResendADuplicate() {
    // given
    AcceptedArticles accepted = new AcceptedArticles(10);
    accepted.restore(article("a", 2, "text"));

    // when
    AcceptedArticles.Claim resend = accepted.claim(article("a", 2, "text"), true);
    AcceptedArticles.Claim newer = accepted.claim(article("a", 3, "text"), true);

    // then
    assertThat(resend.decision()).isEqualTo(AcceptedArticles.Decision.DUPLICATE);
    assertThat(newer.decision()).isEqualTo(AcceptedArticles.Decision.NEW);
  }

  @Test
  void leastRecentlySeenStoriesAreForgottenBeyondTheBound() {
    // given
    AcceptedArticles accepted = new AcceptedArticles(2);
    accepted.restore(article("a", 1, "x"));
    accepted.restore(article("b", 1, "x"));

    // when
    accepted.find("a");
    accepted.restore(article("c", 1, "x"));

    // then
    assertThat(accepted.stories()).isEqualTo(2);
    assertThat(accepted.find("b")).isEmpty();
    assertThat(accepted.find("a")).isPresent();
  }

  @Test
  void aPendingVersionIsNotShownAndIsForgottenWhenKafkaRefusedIt() {
    // given
    AcceptedArticles accepted = new AcceptedArticles(10);
    RawArticle a = article("a", 1, "x");
    accepted.claim(a, true);

    // when
    boolean shownWhilePending = accepted.find("a").isPresent();
    accepted.forget(a);

    // then
    assertThat(shownWhilePending).isFalse();
    assertThat(accepted.claim(a, true).decision()).isEqualTo(AcceptedArticles.Decision.NEW);
  }
}

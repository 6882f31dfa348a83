package io.newsflow.sink.alerts.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Candidate;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EntityDictionaryTest {

  @Test
  void resolvesThroughTheKnowledgeBaseEnrichLinksAgainst() {
    // given: the real dictionary from enrich's classpath resource
    EntityDictionary dictionary = EntityDictionary.loadInBackground(Duration.ofMinutes(2));

    // when
    EntityCriterion poland = dictionary.resolve(EntityCriterion.given("Republic of Poland"), Set.of());
    EntityCriterion georgia = dictionary.resolve(EntityCriterion.given("Georgia"), Set.of());
    EntityCriterion washington = dictionary.resolve(EntityCriterion.given("Washington"), Set.of());
    EntityCriterion un = dictionary.resolve(EntityCriterion.given("UN"), Set.of());

    // then
    assertThat(poland.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(poland.id()).isEqualTo("Q36");
    assertThat(poland.name()).isEqualTo("Poland");
    assertThat(georgia.resolution()).isEqualTo(Resolution.AMBIGUOUS);
    assertThat(georgia.candidates()).extracting(Candidate::id).contains("Q230", "Q1428");
    assertThat(washington.resolution()).isEqualTo(Resolution.AMBIGUOUS);
    assertThat(un.resolution()).isEqualTo(Resolution.RESOLVED);
    assertThat(un.id()).isEqualTo("Q1065");
  }

  @Test
  void refusesToResolveANameWhileStillLoadingButLetsIdsThrough() throws Exception {
    // given: a dictionary that loads until released
    CountDownLatch release = new CountDownLatch(1);
    EntityDictionary dictionary = EntityDictionary.loadInBackground(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("not needed");
    }, Duration.ofMillis(50));

    // when / then
    assertThatThrownBy(() -> dictionary.resolve(EntityCriterion.given("Poland"), Set.of()))
        .isInstanceOf(EntityResolver.Unavailable.class);
    assertThat(dictionary.resolve(EntityCriterion.given("Q36"), Set.of()).resolution()).isEqualTo(Resolution.ID);
    release.countDown();
  }

  @Test
  void leavesNamesUnresolvedWhenTheDictionaryCannotBeLoaded() throws Exception {
    // given
    EntityDictionary dictionary = EntityDictionary.loadInBackground(() -> {
      throw new IllegalStateException("Missing classpath resource");
    }, Duration.ofSeconds(10));

    // when
    EntityCriterion poland = dictionary.resolve(EntityCriterion.given("Poland"), Set.of());

    // then
    assertThat(poland.resolution()).isEqualTo(Resolution.UNRESOLVED);
    assertThat(poland.matchesById()).isFalse();
    assertThat(poland.note()).contains("matched by name");
  }

}

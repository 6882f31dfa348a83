package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.StanceTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentTaggingTest {

  @Test
  void oneTaggerSharedByThreadsGivesTheSameResultAsAlone() throws Exception {
    // given
    StanceTagger tagger = RuleStanceTagger.load();
    ArticleText text = new ArticleText("Austria rejects the pact", "Austria rejected the pact on Friday. "
        + "“We are ready to talk,” Anna Berg said. Norway and Finland are reluctant to join, Reuters reports.", "en",
        null);
    List<Entity> entities = EntityFixture.entities().place("Q40", "Austria", "Austria")
        .place("Q20", "Norway", "Norway").place("Q33", "Finland", "Finland")
        .person("local:person:anna-berg", "Anna Berg", "Anna Berg").org("Q130879", "Reuters", "Reuters").in(text);
    StanceTagger.Result alone = tagger.tag(text, entities);
    // when
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<StanceTagger.Result>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      results.add(pool.submit(() -> tagger.tag(text, entities)));
    }
    pool.shutdown();
    // then
    assertThat(alone.stances()).hasSize(5);
    for (Future<StanceTagger.Result> r : results) {
      assertThat(r.get()).isEqualTo(alone);
    }
  }
}

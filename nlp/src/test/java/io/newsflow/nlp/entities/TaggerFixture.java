package io.newsflow.nlp.entities;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.kb.EntityType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One tagger for the whole test run: loading the model and the dictionary takes seconds. */
final class TaggerFixture {

  private static KnowledgeBaseEntityTagger tagger;

  private TaggerFixture() {}

  static synchronized KnowledgeBaseEntityTagger tagger() {
    if (tagger == null) {
      tagger = KnowledgeBaseEntityTagger.load();
    }
    return tagger;
  }

  static List<Entity> tag(String headline, String body, LocalDate date) {
    return tagger().tag(new ArticleText(headline, body, "en", date));
  }

  static Optional<Entity> find(List<Entity> entities, EntityType type, String name) {
    return entities.stream().filter(e -> e.type() == type && e.name().equals(name)).findFirst();
  }

  static Optional<Entity> withMention(List<Entity> entities, String mentionText) {
    return entities.stream()
        .filter(e -> e.mentions().stream().anyMatch(m -> m.text().equals(mentionText)))
        .findFirst();
  }
}

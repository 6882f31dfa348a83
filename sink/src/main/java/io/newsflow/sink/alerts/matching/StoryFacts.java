package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Span;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.sink.alerts.subscriptions.Keywords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What matching needs from one enriched story, computed once per story and shared by every subscription
 * that is tried against it.
 *
 * @param text      headline and body as normalised words (see {@link Keywords#normalized})
 * @param words     the distinct words of headline and body
 * @param entities  the story's entities, with lower-case name and mention texts
 * @param stances   the story's stances
 * @param indexKeys the keys under which subscriptions that could match this story are indexed
 */
public record StoryFacts(EnrichedArticle article, String text, Set<String> words, List<EntityFacts> entities,
                         List<Stance> stances, Set<String> indexKeys) {

  /** One entity with the names a subscription may use for it, lower case. */
  public record EntityFacts(Entity entity, Set<String> names) {}

  public static StoryFacts of(EnrichedArticle article) {
    RawArticle raw = article.getArticle();
    String all = raw.getHeadline() + "\n" + raw.getBody();
    String text = Keywords.normalized(all);
    Set<String> words = new HashSet<>(Keywords.tokens(all));
    Set<String> keys = new LinkedHashSet<>();
    List<EntityFacts> entities = new ArrayList<>();
    for (Entity e : article.getEntities()) {
      Set<String> names = new HashSet<>();
      names.add(lower(e.getName()));
      for (Span m : e.getMentions()) {
        names.add(lower(m.getText()));
      }
      entities.add(new EntityFacts(e, names));
      keys.add(IndexKeys.entityId(e.getId()));
      names.forEach(n -> keys.add(IndexKeys.entityName(n)));
      keys.add(IndexKeys.entityType(e.getType()));
    }
    for (Stance s : article.getStances()) {
      for (EntityRef ref : new EntityRef[] {s.getHolder(), s.getOnBehalfOf()}) {
        if (ref != null) {
          keys.add(IndexKeys.entityId(ref.getId()));
          keys.add(IndexKeys.entityName(lower(ref.getName())));
        }
      }
    }
    words.forEach(w -> keys.add(IndexKeys.word(w)));
    keys.add(IndexKeys.language(article.getLanguage()));
    keys.add(IndexKeys.EVERY_STORY);
    return new StoryFacts(article, text, words, entities, List.copyOf(article.getStances()), keys);
  }

  public boolean containsPhrase(String phrase) {
    return text.contains(Keywords.normalized(phrase));
  }

  static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}

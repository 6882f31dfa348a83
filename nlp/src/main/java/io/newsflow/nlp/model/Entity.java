package io.newsflow.nlp.model;

import io.newsflow.kb.EntityType;
import java.util.List;

/**
 * One entity of an article with all its mentions.
 *
 * @param id         Wikidata QID when {@code linked}, else a stable local id ({@code local:person:...})
 * @param name       canonical name
 * @param type       PERSON, ORGANIZATION, LOCATION or MISC
 * @param linked     whether {@code id} is a knowledge-base identity
 * @param mentions   every mention, in text order (headline first)
 * @param salience   0..1, from position and frequency
 * @param confidence 0..1, confidence in type and link
 */
public record Entity(String id, String name, EntityType type, boolean linked, List<TextSpan> mentions,
                     double salience, double confidence) {

  public Entity {
    mentions = List.copyOf(mentions);
  }

  public EntityRef ref() {
    return new EntityRef(id, name);
  }
}

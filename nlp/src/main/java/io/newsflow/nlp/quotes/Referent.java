package io.newsflow.nlp.quotes;

import io.newsflow.nlp.model.EntityRef;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;

/**
 * A stretch of text that names someone who can speak or hold a position.
 *
 * @param kind       an entity mention, a named group ("the Baltic states") or a title phrase ("the French
 *                   president") resolved to the person who holds the title in this article
 * @param ref        who is named
 * @param type       entity type; ORGANIZATION for groups
 * @param possessive whether the name is followed by 's ("Trump's refusal")
 */
public record Referent(Kind kind, EntityRef ref, EntityType type, TextField field, int start, int end,
                       boolean possessive) {

  public enum Kind { ENTITY, GROUP, TITLE }

  public boolean isPerson() {
    return type == EntityType.PERSON;
  }
}

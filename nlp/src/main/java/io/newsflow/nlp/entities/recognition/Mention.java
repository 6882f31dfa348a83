package io.newsflow.nlp.entities.recognition;

import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;

/**
 * A recognised name in the headline or body.
 *
 * @param field  HEADLINE or BODY
 * @param start  first character, inclusive
 * @param end    last character, exclusive
 * @param text   the characters
 * @param type   recognised type
 * @param office the title in front of a person's name ("German Chancellor"), or null
 */
public record Mention(TextField field, int start, int end, String text, EntityType type, OfficeCue office) {

  public Mention withType(EntityType newType) {
    return new Mention(field, start, end, text, newType, office);
  }

  public boolean overlaps(TextField otherField, int otherStart, int otherEnd) {
    return field == otherField && start < otherEnd && otherStart < end;
  }
}

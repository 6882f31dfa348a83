package io.newsflow.tools.eval;

import java.util.List;

/**
 * One story of a gold file: its text and its annotated entity mentions.
 *
 * @param id       story id
 * @param text     the text the offsets point into
 * @param entities gold mentions, in text order
 */
public record GoldStory(String id, String text, List<GoldMention> entities) {

  public GoldStory {
    entities = List.copyOf(entities);
  }

  /**
   * A gold mention.
   *
   * @param start first character
   * @param end   character after the last
   * @param type  PER, ORG, LOC or MISC
   * @param qid   Wikidata QID of the entity, or null when the mention is not linked (NIL)
   */
  public record GoldMention(int start, int end, String type, String qid) {}
}

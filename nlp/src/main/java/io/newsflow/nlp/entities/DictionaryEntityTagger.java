package io.newsflow.nlp.entities;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in entity tagger for benches and end-to-end tests until the real one lands: finds a fixed list of
 * names as whole words and links them to fixed ids. Not for production.
 */
public final class DictionaryEntityTagger implements EntityTagger {

  /** One known name. */
  public record Known(String id, String name, EntityType type) {}

  private final List<Known> known;
  private final Map<Known, Pattern> patterns;

  public DictionaryEntityTagger(List<Known> known) {
    this.known = List.copyOf(known);
    this.patterns = new java.util.HashMap<>();
    for (Known k : known) {
      patterns.put(k, Pattern.compile("\\b" + Pattern.quote(k.name()) + "\\b"));
    }
  }

  /** A few countries and people of the sample stories. */
  public static DictionaryEntityTagger sample() {
    return new DictionaryEntityTagger(List.of(
        new Known("Q36", "Poland", EntityType.LOCATION),
        new Known("Q41", "Greece", EntityType.LOCATION),
        new Known("Q35", "Denmark", EntityType.LOCATION),
        new Known("Q142", "France", EntityType.LOCATION),
        new Known("Q212", "Ukraine", EntityType.LOCATION),
        new Known("Q3052772", "Emmanuel Macron", EntityType.PERSON)));
  }

  @Override
  public List<Entity> tag(ArticleText text) {
    List<Entity> found = new ArrayList<>();
    for (Known k : known) {
      List<TextSpan> mentions = new ArrayList<>();
      for (TextField field : TextField.values()) {
        Matcher m = patterns.get(k).matcher(text.text(field));
        while (m.find()) {
          mentions.add(text.span(field, m.start(), m.end()));
        }
      }
      if (!mentions.isEmpty()) {
        found.add(new Entity(k.id(), k.name(), k.type(), true, mentions, 0.5, 0.9));
      }
    }
    return found;
  }
}

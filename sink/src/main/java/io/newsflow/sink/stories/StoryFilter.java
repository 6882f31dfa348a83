package io.newsflow.sink.stories;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * What the desk's story list is narrowed to; null fields do not narrow. Entity and holder are an id or a name
 * (any case); with both holder and polarity, one stance must have both.
 */
public record StoryFilter(String entity, String holder, String polarity, String language, String source) {

  public static final StoryFilter NONE = new StoryFilter(null, null, null, null, null);

  public boolean accepts(JsonNode doc) {
    if (entity != null && !entityMatches(doc)) {
      return false;
    }
    if ((holder != null || polarity != null) && !stanceMatches(doc)) {
      return false;
    }
    if (language != null && !language.equalsIgnoreCase(doc.path("language").asText())) {
      return false;
    }
    return source == null || source.equalsIgnoreCase(doc.path("source").asText());
  }

  private boolean entityMatches(JsonNode doc) {
    for (JsonNode e : doc.path("entities")) {
      if (same(entity, e.path("id").asText()) || same(entity, e.path("name").asText())) {
        return true;
      }
    }
    return false;
  }

  private boolean stanceMatches(JsonNode doc) {
    for (JsonNode s : doc.path("stances")) {
      boolean holderOk = holder == null || holderIs(s.path("holder")) || holderIs(s.path("onBehalfOf"));
      boolean polarityOk = polarity == null || polarity.equalsIgnoreCase(s.path("polarity").asText());
      if (holderOk && polarityOk) {
        return true;
      }
    }
    return false;
  }

  private boolean holderIs(JsonNode ref) {
    return !ref.isMissingNode() && !ref.isNull()
        && (same(holder, ref.path("id").asText()) || same(holder, ref.path("name").asText()));
  }

  private static boolean same(String wanted, String actual) {
    return !actual.isEmpty() && wanted.trim().toLowerCase(Locale.ROOT).equals(actual.toLowerCase(Locale.ROOT));
  }
}

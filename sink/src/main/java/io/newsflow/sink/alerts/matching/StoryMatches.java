package io.newsflow.sink.alerts.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a story last matched: its version and, per subscription, the signature of the match. Value of the
 * {@code story-alert-matches} store.
 */
public record StoryMatches(long version, Map<String, String> signatures) {

  public StoryMatches {
    signatures = Map.copyOf(signatures);
  }

  public String toJson() {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("version", version);
    ObjectNode sigs = node.putObject("signatures");
    new java.util.TreeMap<>(signatures).forEach(sigs::put);
    return Json.write(node);
  }

  public static StoryMatches fromJson(String json) {
    try {
      JsonNode node = Json.mapper().readTree(json);
      Map<String, String> sigs = new LinkedHashMap<>();
      node.path("signatures").fields().forEachRemaining(e -> sigs.put(e.getKey(), e.getValue().asText()));
      return new StoryMatches(node.path("version").asLong(), sigs);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unreadable story matches: " + e.getOriginalMessage(), e);
    }
  }
}

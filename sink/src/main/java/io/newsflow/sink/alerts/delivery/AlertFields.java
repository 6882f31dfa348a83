package io.newsflow.sink.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import java.time.Instant;

/** The fields of an alert that delivery logs and routes by; {@code createdAt} null when absent. */
record AlertFields(String alertId, String storyId, long version, String type, Instant createdAt) {

  static AlertFields of(String alertJson) {
    try {
      JsonNode n = Json.mapper().readTree(alertJson);
      Instant created = n.path("createdAt").isTextual() ? Instant.parse(n.path("createdAt").asText()) : null;
      return new AlertFields(n.path("alertId").asText(), n.path("storyId").asText(), n.path("version").asLong(),
          n.path("type").asText(), created);
    } catch (Exception e) {
      return new AlertFields("unreadable", "", 0, "", null);
    }
  }
}

package io.newsflow.sink.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;

/** The fields of an alert that delivery logs and routes by. */
record AlertFields(String alertId, String storyId, long version, String type) {

  static AlertFields of(String alertJson) {
    try {
      JsonNode n = Json.mapper().readTree(alertJson);
      return new AlertFields(n.path("alertId").asText(), n.path("storyId").asText(), n.path("version").asLong(),
          n.path("type").asText());
    } catch (Exception e) {
      return new AlertFields("unreadable", "", 0, "");
    }
  }
}

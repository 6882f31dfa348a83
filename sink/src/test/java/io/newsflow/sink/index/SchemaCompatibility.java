package io.newsflow.sink.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a JSON Schema is an additive change of a released one, so that a consumer written against the
 * released schema still reads every new document: every released property still exists, with the same or a
 * narrower type and enum, and the required fields are the same (none dropped, none added).
 */
final class SchemaCompatibility {

  private SchemaCompatibility() {}

  /** The breaking differences, each naming its JSON pointer; empty when the change is additive. */
  static List<String> breakingChanges(JsonNode released, JsonNode current) {
    List<String> problems = new ArrayList<>();
    compare(released, current, "#", problems);
    JsonNode defs = released.path("$defs");
    for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> def = it.next();
      JsonNode now = current.path("$defs").get(def.getKey());
      if (now == null) {
        problems.add("#/$defs/" + def.getKey() + " was removed");
      } else {
        compare(def.getValue(), now, "#/$defs/" + def.getKey(), problems);
      }
    }
    return problems;
  }

  private static void compare(JsonNode released, JsonNode current, String path, List<String> problems) {
    if (released.has("$ref") && !released.path("$ref").equals(current.path("$ref"))) {
      problems.add(path + " refers to " + current.path("$ref") + " instead of " + released.path("$ref"));
    }
    Set<String> releasedTypes = types(released);
    Set<String> currentTypes = types(current);
    if (!releasedTypes.isEmpty() && (currentTypes.isEmpty() || !releasedTypes.containsAll(currentTypes))) {
      problems.add(path + " type " + currentTypes + " is not within the released " + releasedTypes);
    }
    if (released.has("enum")) {
      Set<String> allowed = strings(released.path("enum"));
      if (!current.has("enum") || !allowed.containsAll(strings(current.path("enum")))) {
        problems.add(path + " enum " + current.path("enum") + " is not within the released " + released.path("enum"));
      }
    }
    Set<String> releasedRequired = strings(released.path("required"));
    Set<String> currentRequired = strings(current.path("required"));
    for (String r : currentRequired) {
      if (!releasedRequired.contains(r)) {
        problems.add(path + " requires the new field " + r);
      }
    }
    for (String r : releasedRequired) {
      if (!currentRequired.contains(r)) {
        problems.add(path + " no longer requires " + r);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = released.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode now = current.path("properties").get(p.getKey());
      if (now == null) {
        problems.add(path + "/properties/" + p.getKey() + " was removed");
      } else {
        compare(p.getValue(), now, path + "/properties/" + p.getKey(), problems);
      }
    }
    if (released.has("items")) {
      compare(released.path("items"), current.path("items"), path + "/items", problems);
    }
    if (released.has("additionalProperties") && released.path("additionalProperties").isObject()) {
      compare(released.path("additionalProperties"), current.path("additionalProperties"),
          path + "/additionalProperties", problems);
    }
    JsonNode oneOf = released.path("oneOf");
    for (int i = 0; i < oneOf.size(); i++) {
      JsonNode now = current.path("oneOf").get(i);
      if (now == null) {
        problems.add(path + "/oneOf/" + i + " was removed");
      } else {
        compare(oneOf.get(i), now, path + "/oneOf/" + i, problems);
      }
    }
  }

  private static Set<String> types(JsonNode schema) {
    JsonNode type = schema.path("type");
    Set<String> out = strings(type.isArray() ? type : schema.has("type") ? List.of(type.asText()) : List.of());
    // "number" admits integers: an integer field stays readable as a number
    if (out.contains("number")) {
      out.add("integer");
    }
    return out;
  }

  private static Set<String> strings(Iterable<?> values) {
    Set<String> out = new HashSet<>();
    for (Object v : values) {
      out.add(v instanceof JsonNode n ? n.asText() : String.valueOf(v));
    }
    return out;
  }
}

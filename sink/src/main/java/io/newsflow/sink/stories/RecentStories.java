package io.newsflow.sink.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the recent stories this sink instance keeps ({@link RecentStoriesTopology#STORE}, all its local
 * partitions through an interactive query): a filtered list, newest first, and one story with its versions and
 * the near-duplicates among the kept stories. With several sink instances each sees the partitions it owns.
 */
public final class RecentStories {

  public static final int MAX_LIST = 200;

  private final Supplier<ReadOnlyKeyValueStore<String, String>> store;

  /** {@code store} throws Kafka's {@code InvalidStateStoreException} while the store cannot be queried. */
  public RecentStories(Supplier<ReadOnlyKeyValueStore<String, String>> store) {
    this.store = store;
  }

  /** Stories that pass the filter, newest first, at most {@code limit}, as summaries; and how many passed. */
  public ObjectNode list(StoryFilter filter, int limit) {
    List<JsonNode> passed = new ArrayList<>();
    long kept = 0;
    try (KeyValueIterator<String, String> all = store.get().all()) {
      while (all.hasNext()) {
        KeyValue<String, String> e = all.next();
        kept++;
        JsonNode doc = read(e.value).path("document");
        if (filter.accepts(doc)) {
          passed.add(doc);
        }
      }
    }
    passed.sort(Comparator.comparing(RecentStories::enrichedAt).reversed());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("kept", kept).put("matching", passed.size());
    ArrayNode items = body.putArray("stories");
    passed.stream().limit(Math.min(limit, MAX_LIST)).forEach(doc -> items.add(summary(doc)));
    return body;
  }

  /** The story's index document, its versions (newest first) and its near-duplicates among the kept stories. */
  public Optional<ObjectNode> story(String id) {
    ReadOnlyKeyValueStore<String, String> stories = store.get();
    String json = stories.get(id);
    if (json == null) {
      return Optional.empty();
    }
    ObjectNode entry = read(json);
    JsonNode doc = entry.path("document");
    ObjectNode body = Json.mapper().createObjectNode();
    body.set("document", doc);
    body.set("versions", entry.path("versions"));
    ArrayNode near = body.putArray("nearDuplicates");
    String cluster = doc.path("storyCluster").asText("");
    String original = doc.path("duplicateOf").asText("");
    try (KeyValueIterator<String, String> all = stories.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> e = all.next();
        if (e.key.equals(id)) {
          continue;
        }
        JsonNode other = read(e.value).path("document");
        boolean sameCluster = !cluster.isEmpty() && cluster.equals(other.path("storyCluster").asText(""));
        boolean related = e.key.equals(original) || id.equals(other.path("duplicateOf").asText(""));
        if (sameCluster || related) {
          near.add(summary(other));
        }
      }
    }
    return Optional.of(body);
  }

  private static ObjectNode summary(JsonNode doc) {
    ObjectNode s = Json.mapper().createObjectNode();
    for (String f : List.of("id", "version", "headline", "source", "language", "urgency", "pubStatus", "published",
        "received", "enrichedAt", "duplicateOf", "storyCluster")) {
      s.set(f, doc.path(f).isMissingNode() ? null : doc.get(f));
    }
    ArrayNode entities = s.putArray("entities");
    doc.path("entities").forEach(e -> {
      if (entities.size() < 8) {
        entities.addObject().put("id", e.path("id").asText()).put("name", e.path("name").asText())
            .put("type", e.path("type").asText());
      }
    });
    ArrayNode stances = s.putArray("stances");
    doc.path("stances").forEach(st -> stances.addObject().put("holder", st.path("holder").path("name").asText())
        .put("polarity", st.path("polarity").asText()));
    return s;
  }

  private static Instant enrichedAt(JsonNode doc) {
    String at = doc.path("enrichedAt").asText("");
    return at.isEmpty() ? Instant.EPOCH : Instant.parse(at);
  }

  private static ObjectNode read(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

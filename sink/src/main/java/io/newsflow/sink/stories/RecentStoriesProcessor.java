package io.newsflow.sink.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.sink.index.IndexDocuments;
import java.io.UncheckedIOException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Files each enriched story in {@link RecentStoriesTopology#STORE}: its index document, the versions seen (number,
 * status, times), and its arrival number; drops the oldest story of the partition beyond the limit, and a killed
 * story at once. An older version than the one kept is ignored (a late copy never replaces a newer one).
 */
final class RecentStoriesProcessor implements Processor<String, EnrichedArticle, Void, Void> {

  private static final int MAX_VERSIONS = 20;

  private final int limit;
  private KeyValueStore<String, String> stories;
  private KeyValueStore<String, String> order;
  private long next;
  private long count;

  RecentStoriesProcessor(int limit) {
    this.limit = limit;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    stories = context.getStateStore(RecentStoriesTopology.STORE);
    order = context.getStateStore(RecentStoriesTopology.ORDER_STORE);
    // at most `limit` entries: counting them once per task start is cheap
    try (KeyValueIterator<String, String> all = order.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> e = all.next();
        next = Math.max(next, Long.parseLong(e.key) + 1);
        count++;
      }
    }
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    String id = record.key();
    EnrichedArticle story = record.value();
    if (id == null) {
      return;
    }
    ObjectNode kept = read(stories.get(id));
    if (story == null || IndexDocuments.removes(story)) {
      if (kept != null) {
        remove(id, kept);
      }
      return;
    }
    long version = story.getArticle().getVersion();
    if (kept != null && kept.path("document").path("version").asLong() > version) {
      return;
    }
    ObjectNode entry = Json.mapper().createObjectNode();
    entry.put("seq", next);
    entry.set("document", IndexDocuments.toTree(story));
    ArrayNode versions = entry.putArray("versions");
    if (kept != null) {
      for (JsonNode v : kept.path("versions")) {
        if (v.path("version").asLong() != version && versions.size() < MAX_VERSIONS - 1) {
          versions.add(v);
        }
      }
      order.delete(key(kept.path("seq").asLong()));
      count--;
    }
    JsonNode doc = entry.get("document");
    versions.insert(0, Json.mapper().createObjectNode().put("version", version)
        .put("pubStatus", doc.path("pubStatus").asText(null)).put("headline", doc.path("headline").asText(null))
        .put("received", doc.path("received").asText(null)).put("enrichedAt", doc.path("enrichedAt").asText(null)));
    stories.put(id, Json.write(entry));
    order.put(key(next++), id);
    count++;
    while (count > limit) {
      evictOldest();
    }
  }

  private void evictOldest() {
    KeyValue<String, String> oldest;
    try (KeyValueIterator<String, String> all = order.all()) {
      if (!all.hasNext()) {
        count = 0;
        return;
      }
      oldest = all.next();
    }
    order.delete(oldest.key);
    stories.delete(oldest.value);
    count--;
  }

  private void remove(String id, ObjectNode kept) {
    stories.delete(id);
    order.delete(key(kept.path("seq").asLong()));
    count--;
  }

  /** Zero-padded so the store's byte order is arrival order. */
  static String key(long seq) {
    return String.format("%019d", seq);
  }

  private static ObjectNode read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

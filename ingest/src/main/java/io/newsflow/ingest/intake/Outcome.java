package io.newsflow.ingest.intake;

import io.newsflow.platform.http.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one article: accepted (stored in Kafka), duplicate (this id and version was stored before) or
 * rejected (with problem details naming the field).
 *
 * @param index     position in the document, from 0
 * @param id        story id, or null when the item could not be read
 * @param version   story version, 0 when unknown
 * @param partition partition of {@code news.raw} when accepted, else -1
 * @param offset    offset in that partition when accepted, else -1
 */
public record Outcome(int index, Status status, String id, long version, String source, Problem problem,
                      int partition, long offset) {

  public enum Status { ACCEPTED, DUPLICATE, REJECTED }

  static Outcome accepted(int index, String id, long version, String source, int partition, long offset) {
    return new Outcome(index, Status.ACCEPTED, id, version, source, null, partition, offset);
  }

  static Outcome duplicate(int index, String id, long version, String source) {
    return new Outcome(index, Status.DUPLICATE, id, version, source, null, -1, -1);
  }

  static Outcome rejected(int index, String id, long version, String source, Problem problem) {
    return new Outcome(index, Status.REJECTED, id, version, source, problem, -1, -1);
  }

  /** The JSON a client sees for this item. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("index", index);
    json.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
    if (id != null) {
      json.put("id", id);
    }
    if (version > 0) {
      json.put("version", version);
    }
    json.put("source", source);
    if (status == Status.ACCEPTED) {
      json.put("partition", partition);
      json.put("offset", offset);
    }
    if (problem != null) {
      json.put("problem", problem.toJson(null));
    }
    return json;
  }
}

package io.newsflow.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details: what every rejection answers, as {@code application/problem+json}.
 *
 * @param type   a URI naming the kind of problem (relative to the API, e.g. {@code /problems/invalid-field})
 * @param title  short, the same for every occurrence of the type
 * @param status HTTP status
 * @param detail what went wrong this time, naming the field when one is at fault
 * @param extras extension members such as {@code field} or {@code expected}
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extras) {

  public Problem {
    extras = Map.copyOf(extras);
  }

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem("/problems/" + type, title, status, detail, Map.of());
  }

  public Problem with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extras);
    more.put(member, value);
    return new Problem(type, title, status, detail, more);
  }

  /** The JSON body, with extension members beside the standard ones. */
  public Map<String, Object> toJson(String instance) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    if (instance != null) {
      json.put("instance", instance);
    }
    json.putAll(extras);
    return json;
  }
}

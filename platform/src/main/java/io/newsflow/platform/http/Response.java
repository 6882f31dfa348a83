package io.newsflow.platform.http;

import io.newsflow.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What a handler answers. {@link #STREAMED} means the handler wrote the response itself. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

  public static final Response STREAMED = new Response(-1, "", new byte[0], Map.of());

  public static Response json(int status, Object value) {
    return new Response(status, "application/json", Json.write(value).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response text(int status, String contentType, String text) {
    return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static Response problem(Problem problem, String instance) {
    return new Response(problem.status(), "application/problem+json",
        Json.write(problem.toJson(instance)).getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public Response withHeader(String name, String value) {
    var more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}

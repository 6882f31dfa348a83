package io.newsflow.platform.http;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as handlers see it: the body already read (and bounded), path parameters resolved. */
public final class Request {

  private final HttpExchange exchange;
  private final Map<String, String> pathParams;
  private final byte[] body;
  private final String principal;

  Request(HttpExchange exchange, Map<String, String> pathParams, byte[] body, String principal) {
    this.exchange = exchange;
    this.pathParams = pathParams;
    this.body = body;
    this.principal = principal;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  public String path() {
    return exchange.getRequestURI().getPath();
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /** Media type without parameters, lower case; empty when the client sent none. */
  public String mediaType() {
    return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT)).orElse("");
  }

  public byte[] body() {
    return body;
  }

  /** The authenticated principal (for ingest: the source), or null on open endpoints. */
  public String principal() {
    return principal;
  }

  public Map<String, List<String>> query() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  /**
   * The same request on behalf of {@code principal}: for routes that authenticate otherwise than by token (the
   * desk's session cookie) and then call the token-secured handlers.
   */
  public Request withPrincipal(String principal) {
    return new Request(exchange, pathParams, body, principal);
  }

  /** The underlying exchange, for handlers that stream (server-sent events). */
  public HttpExchange exchange() {
    return exchange;
  }
}

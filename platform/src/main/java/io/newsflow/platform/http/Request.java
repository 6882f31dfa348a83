package io.newsflow.platform.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** An HTTP request as handlers see it: the body already read (and bounded), path parameters resolved. */
public final class Request {

  private final Context ctx;
  private final byte[] body;
  private final String principal;

  Request(Context ctx, byte[] body, String principal) {
    this.ctx = ctx;
    this.body = body;
    this.principal = principal;
  }

  public String method() {
    return ctx.method().name();
  }

  public String path() {
    return ctx.path();
  }

  /** A path parameter of the route's template, or null when the template has none of that name. */
  public String pathParam(String name) {
    return ctx.pathParamMap().get(name);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(ctx.header(name));
  }

  /** Media type without parameters, lower case; empty when the client sent none. */
  public String mediaType() {
    return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
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
    ctx.queryParamMap().forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  /**
   * Answers with a server-sent event stream that stays open after the handler returns, holding no thread; the
   * handler then returns {@link Response#STREAMED}. Call it only once every check that could refuse the request
   * has passed: the status (200) is sent here.
   */
  public EventStream openEventStream() {
    var res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType("text/event-stream");
    res.addHeader("Cache-Control", "no-cache");
    res.addHeader("X-Accel-Buffering", "no");
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      res.flushBuffer();
      EventStream stream = new EventStream(res.getOutputStream(), done);
      ctx.future(() -> done);
      return stream;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

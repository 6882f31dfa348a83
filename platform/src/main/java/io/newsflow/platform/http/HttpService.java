package io.newsflow.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP face of a service on the JDK's HTTP server: routes, bounded request bodies, token authentication,
 * problem details for every rejection, {@code /health/live}, {@code /health/ready} and {@code /metrics}.
 */
public final class HttpService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpService.class);

  /**
   * Response header with the request's trace id: the caller's W3C {@code traceparent} trace, else a new one. Log
   * lines about the request and the articles it brought in carry it as {@code traceId}.
   */
  public static final String TRACE_ID_HEADER = "X-Trace-Id";

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
    // every small response stalls ~40 ms (ingest bench: 131 -> 503 acknowledged articles/s, p50 56 -> 12 ms).
    // Read once when the JDK server's configuration class loads, so it must be set before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final String name;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<Route> routes;
  private final long maxBodyBytes;
  private final TokenAuthenticator authenticator;
  private final Supplier<Health> health;
  private final PrometheusMeterRegistry metrics;

  private HttpService(Builder b) throws IOException {
    this.name = b.name;
    this.routes = List.copyOf(b.routes);
    this.maxBodyBytes = b.maxBodyBytes;
    this.authenticator = b.authenticator;
    this.health = b.health;
    this.metrics = b.metrics;
    this.server = HttpServer.create(b.address, 128);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(b.threads, r -> {
      Thread t = new Thread(r, name + "-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::dispatch);
  }

  public static Builder builder(String name, InetSocketAddress address) {
    return new Builder(name, address);
  }

  public HttpService start() {
    server.start();
    log.info("{} HTTP listening on port {}", name, port());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, lets requests in flight finish for up to {@code grace}, then stops. */
  public void stop(Duration grace) {
    server.stop((int) Math.max(0, grace.toSeconds()));
    executor.shutdown();
    try {
      executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(1));
  }

  private void dispatch(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String traceId = LogContext.traceIdOf(exchange.getRequestHeaders().getFirst(LogContext.TRACEPARENT));
    try (LogContext trace = LogContext.trace(traceId != null ? traceId : LogContext.newTraceId())) {
      exchange.getResponseHeaders().set(TRACE_ID_HEADER, MDC.get(LogContext.TRACE_ID));
      Response response;
      try {
        response = route(exchange, method, path);
      } catch (ProblemException e) {
        response = Response.problem(e.problem(), path);
      } catch (Exception e) {
        log.error("{} {} failed", method, path, e);
        response = Response.problem(Problem.of(500, "internal-error", "Internal error",
            "The request could not be processed; it was logged."), path);
      }
      if (response != Response.STREAMED) {
        send(exchange, response);
      }
    }
  }

  private Response route(HttpExchange exchange, String method, String path) throws Exception {
    switch (path) {
      case "/health/live" -> {
        Health h = health.get();
        return Response.json(h.live() ? 200 : 503, healthJson(h.live(), h));
      }
      case "/health/ready" -> {
        Health h = health.get();
        return Response.json(h.ready() ? 200 : 503, healthJson(h.ready(), h));
      }
      case "/metrics" -> {
        if (metrics == null) {
          break;
        }
        return Response.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
      }
      default -> { }
    }
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher m = route.pattern.matcher(path);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (!route.method.equals(method)) {
        continue;
      }
      String principal = null;
      if (route.authenticated) {
        principal = authenticate(exchange);
      }
      byte[] body = readBody(exchange);
      Map<String, String> params = new LinkedHashMap<>();
      for (String param : route.params) {
        params.put(param, java.net.URLDecoder.decode(m.group(param), java.nio.charset.StandardCharsets.UTF_8));
      }
      return route.handler.handle(new Request(exchange, params, body, principal));
    }
    if (pathKnown) {
      throw new ProblemException(Problem.of(405, "method-not-allowed", "Method not allowed",
          method + " is not supported on " + path));
    }
    throw new ProblemException(Problem.of(404, "not-found", "Not found", "No resource at " + path));
  }

  private String authenticate(HttpExchange exchange) {
    Request probe = new Request(exchange, Map.of(), new byte[0], null);
    boolean presented = probe.header("Authorization").isPresent() || probe.header("X-API-Key").isPresent();
    if (!presented) {
      throw new ProblemException(Problem.of(401, "unauthenticated", "Credential required",
          "Send 'Authorization: Bearer <token>' (or X-API-Key) issued for your newsroom"));
    }
    Optional<String> principal = authenticator.authenticate(probe);
    return principal.orElseThrow(() -> new ProblemException(Problem.of(403, "forbidden", "Credential refused",
        "The token is not valid for this service")));
  }

  private byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBodyBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest("invalid-header", "Content-Length is not a number");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ProblemException tooLarge() {
    return new ProblemException(Problem.of(413, "payload-too-large", "Request too large",
        "Requests are limited to " + maxBodyBytes + " bytes").with("limit", maxBodyBytes));
  }

  private Map<String, Object> healthJson(boolean up, Health h) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", up ? "UP" : "DOWN");
    json.put("service", name);
    json.putAll(h.details());
    return json;
  }

  private static void send(HttpExchange exchange, Response response) {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] body = response.body();
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      log.debug("Client went away before the response was sent: {}", e.getMessage());
    }
  }

  private record Route(String method, Pattern pattern, List<String> params, boolean authenticated, Handler handler) {}

  /** Builds the route table; paths are templates such as {@code /v1/articles/{id}}. */
  public static final class Builder {
    private final String name;
    private final InetSocketAddress address;
    private final List<Route> routes = new ArrayList<>();
    private long maxBodyBytes = 2L * 1024 * 1024;
    private int threads = 8;
    private TokenAuthenticator authenticator = TokenAuthenticator.parse("");
    private Supplier<Health> health = () -> Health.up(Map.of());
    private PrometheusMeterRegistry metrics;

    private Builder(String name, InetSocketAddress address) {
      this.name = name;
      this.address = address;
    }

    public Builder route(String method, String template, Handler handler) {
      return add(method, template, false, handler);
    }

    /** A route that needs a valid token; the handler sees its principal. */
    public Builder securedRoute(String method, String template, Handler handler) {
      return add(method, template, true, handler);
    }

    private Builder add(String method, String template, boolean secured, Handler handler) {
      List<String> params = new ArrayList<>();
      Matcher m = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
      StringBuilder regex = new StringBuilder();
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start())));
        regex.append("(?<").append(m.group(1)).append(">[^/]+)");
        params.add(m.group(1));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last)));
      routes.add(new Route(method, Pattern.compile(regex.toString()), params, secured, handler));
      return this;
    }

    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder authenticator(TokenAuthenticator authenticator) {
      this.authenticator = authenticator;
      return this;
    }

    public Builder health(Supplier<Health> health) {
      this.health = health;
      return this;
    }

    public Builder metrics(PrometheusMeterRegistry metrics) {
      this.metrics = metrics;
      return this;
    }

    public HttpService build() throws IOException {
      return new HttpService(this);
    }
  }
}

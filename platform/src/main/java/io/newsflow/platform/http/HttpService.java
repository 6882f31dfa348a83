package io.newsflow.platform.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The HTTP face of a service, on Javalin (Jetty 12): routes, bounded request bodies, token authentication,
 * problem details for every rejection (unknown paths and methods included), {@code /health/live},
 * {@code /health/ready}, {@code /metrics}, the service's OpenAPI description at {@code /openapi.json} and static
 * resources from the classpath. Server-sent event streams are asynchronous: an open stream holds no thread.
 */
public final class HttpService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpService.class);

  /**
   * Response header with the request's trace id: the caller's W3C {@code traceparent} trace, else a new one. Log
   * lines about the request and the articles it brought in carry it as {@code traceId}.
   */
  public static final String TRACE_ID_HEADER = "X-Trace-Id";

  private static final String PROBLEM_JSON = "application/problem+json";

  private final String name;
  private final Javalin app;
  private final InetSocketAddress address;
  private final long maxBodyBytes;
  private final TokenAuthenticator authenticator;
  private final Supplier<Health> health;
  private final PrometheusMeterRegistry metrics;

  private HttpService(Builder b) {
    this.name = b.name;
    this.address = b.address;
    this.maxBodyBytes = b.maxBodyBytes;
    this.authenticator = b.authenticator;
    this.health = b.health;
    this.metrics = b.metrics;
    this.app = Javalin.create(config -> configure(config, b));
  }

  public static Builder builder(String name, InetSocketAddress address) {
    return new Builder(name, address);
  }

  private void configure(JavalinConfig config, Builder b) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    // virtual threads where the JVM has them (21+); Jetty's pooled threads on 17
    config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
    config.http.maxRequestSize = maxBodyBytes;
    config.http.prefer405over404 = true;
    config.jetty.host = address.getAddress() == null || address.getAddress().isAnyLocalAddress()
        ? null : address.getAddress().getHostAddress();
    config.jetty.port = address.getPort();
    config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
    for (StaticResources s : b.statics) {
      config.staticFiles.add(files -> {
        files.hostedPath = s.urlPath();
        files.directory = s.classpathDirectory();
        files.location = Location.CLASSPATH;
      });
    }
    var routes = config.routes;
    routes.before(this::startTrace);
    routes.get("/health/live", ctx -> healthAnswer(ctx, true));
    routes.get("/health/ready", ctx -> healthAnswer(ctx, false));
    if (metrics != null) {
      routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
    if (b.openApi != null) {
      byte[] document = resource(b.openApi);
      routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
    for (Route r : b.routes) {
      routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.template(), ctx -> handle(ctx, r));
    }
    routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, javalinProblem(e, ctx)));
    routes.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      writeProblem(ctx, internalError());
    });
  }

  public HttpService start() {
    app.start();
    log.info("{} HTTP listening on port {}", name, port());
    return this;
  }

  public int port() {
    return app.port();
  }

  /** Every route the server answers, as {@code METHOD path-template} (health, metrics, OpenAPI included). */
  public List<String> routes() {
    List<String> out = new ArrayList<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (!e.endpoint.method.isHttpMethod()) {
        continue; // before/after filters
      }
      out.add(e.endpoint.method.name() + " " + e.endpoint.path);
    }
    return out;
  }

  /** Stops accepting, lets requests in flight finish for up to {@code grace}, then stops. */
  public void stop(Duration grace) {
    app.unsafe.jettyInternal.server.setStopTimeout(Math.max(0, grace.toMillis()));
    try {
      app.stop();
    } catch (RuntimeException e) {
      // Jetty stops its connectors even when the graceful part timed out; nothing is left to do
      log.debug("{} HTTP stopped after the grace period: {}", name, e.toString());
    }
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(1));
  }

  private void startTrace(Context ctx) {
    String traceId = LogContext.traceIdOf(ctx.header(LogContext.TRACEPARENT));
    ctx.header(TRACE_ID_HEADER, traceId != null ? traceId : LogContext.newTraceId());
  }

  private void handle(Context ctx, Route route) {
    try (LogContext trace = LogContext.trace(ctx.res().getHeader(TRACE_ID_HEADER))) {
      Response response;
      try {
        String principal = route.secured() ? authenticate(ctx) : null;
        byte[] body = readBody(ctx);
        response = route.handler().handle(new Request(ctx, body, principal));
      } catch (ProblemException e) {
        response = Response.problem(e.problem(), ctx.path());
      } catch (Exception e) {
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        response = Response.problem(internalError(), ctx.path());
      }
      if (response != Response.STREAMED) {
        send(ctx, response);
      }
    }
  }

  private String authenticate(Context ctx) {
    Request probe = new Request(ctx, new byte[0], null);
    boolean presented = probe.header("Authorization").isPresent() || probe.header("X-API-Key").isPresent();
    if (!presented) {
      throw new ProblemException(Problem.of(401, "unauthenticated", "Credential required",
          "Send 'Authorization: Bearer <token>' (or X-API-Key) issued for your newsroom"));
    }
    Optional<String> principal = authenticator.authenticate(probe);
    return principal.orElseThrow(() -> new ProblemException(Problem.of(403, "forbidden", "Credential refused",
        "The token is not valid for this service")));
  }

  private byte[] readBody(Context ctx) throws IOException {
    String declared = ctx.header("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > maxBodyBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest("invalid-header", "Content-Length is not a number");
      }
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ProblemException tooLarge() {
    return new ProblemException(tooLargeProblem());
  }

  private Problem tooLargeProblem() {
    return Problem.of(413, "payload-too-large", "Request too large",
        "Requests are limited to " + maxBodyBytes + " bytes").with("limit", maxBodyBytes);
  }

  private static Problem internalError() {
    return Problem.of(500, "internal-error", "Internal error", "The request could not be processed; it was logged.");
  }

  /** Javalin's own rejections (no route, wrong method, body too large) as problem details. */
  private Problem javalinProblem(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> Problem.of(404, "not-found", "Not found", "No resource at " + ctx.path());
      case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
          ctx.method().name() + " is not supported on " + ctx.path());
      case 413 -> tooLargeProblem();
      default -> Problem.of(e.getStatus(), "http-" + e.getStatus(), "Request refused",
          e.getMessage() == null ? "Request refused" : e.getMessage());
    };
  }

  private void healthAnswer(Context ctx, boolean liveness) {
    Health h = health.get();
    boolean up = liveness ? h.live() : h.ready();
    send(ctx, Response.json(up ? 200 : 503, healthJson(up, h)));
  }

  private Map<String, Object> healthJson(boolean up, Health h) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", up ? "UP" : "DOWN");
    json.put("service", name);
    json.putAll(h.details());
    return json;
  }

  private static void writeProblem(Context ctx, Problem problem) {
    send(ctx, Response.problem(problem, ctx.path()));
  }

  private static void send(Context ctx, Response response) {
    ctx.status(response.status());
    ctx.contentType(response.contentType());
    response.headers().forEach(ctx::header);
    ctx.result(response.body());
  }

  private static byte[] resource(String classpathResource) {
    try (InputStream in = HttpService.class.getClassLoader().getResourceAsStream(classpathResource)) {
      if (in == null) {
        throw new IllegalArgumentException("No resource " + classpathResource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Route(String method, String template, boolean secured, Handler handler) {}

  private record StaticResources(String urlPath, String classpathDirectory) {}

  /** Builds the route table; paths are templates such as {@code /v1/articles/{id}}. */
  public static final class Builder {
    private final String name;
    private final InetSocketAddress address;
    private final List<Route> routes = new ArrayList<>();
    private final List<StaticResources> statics = new ArrayList<>();
    private long maxBodyBytes = 2L * 1024 * 1024;
    private TokenAuthenticator authenticator = TokenAuthenticator.parse("");
    private Supplier<Health> health = () -> Health.up(Map.of());
    private PrometheusMeterRegistry metrics;
    private String openApi;

    private Builder(String name, InetSocketAddress address) {
      this.name = name;
      this.address = address;
    }

    public Builder route(String method, String template, Handler handler) {
      routes.add(new Route(method, template, false, handler));
      return this;
    }

    /** A route that needs a valid token; the handler sees its principal. */
    public Builder securedRoute(String method, String template, Handler handler) {
      routes.add(new Route(method, template, true, handler));
      return this;
    }

    /** Serves the files under {@code classpathDirectory} (e.g. {@code /web}) at {@code urlPath} (e.g. {@code /}). */
    public Builder staticResources(String urlPath, String classpathDirectory) {
      statics.add(new StaticResources(urlPath, classpathDirectory));
      return this;
    }

    /** Serves the classpath resource (an OpenAPI 3.1 JSON document) at {@code GET /openapi.json}. */
    public Builder openApi(String classpathResource) {
      this.openApi = classpathResource;
      return this;
    }

    public Builder maxBodyBytes(long bytes) {
      this.maxBodyBytes = bytes;
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

    public HttpService build() {
      return new HttpService(this);
    }
  }
}

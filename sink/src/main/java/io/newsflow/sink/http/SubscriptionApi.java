package io.newsflow.sink.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.alerts.delivery.DeliveryLog;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson.InvalidSubscriptionException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v1/subscriptions}: create, list, read and delete alert subscriptions, and read their recent webhook
 * deliveries. A subscription is written to {@code news.subscriptions}; the answer waits (up to
 * {@code visibleTimeout}) until the matcher has it, so the next story posted is matched against it. A team (token principal) sees only its own.
 */
public final class SubscriptionApi {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionApi.class);
  static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, String> producer;
  private final SubscriptionIndex subscriptions;
  private final DeliveryLog deliveries;
  private final Clock clock;
  private final Duration visibleTimeout;
  private final EntityResolver entities;
  private final SecureRandom random = new SecureRandom();

  public SubscriptionApi(Producer<String, String> producer, SubscriptionIndex subscriptions, DeliveryLog deliveries,
                         Clock clock, Duration visibleTimeout) {
    this(producer, subscriptions, deliveries, clock, visibleTimeout, EntityResolver.NONE);
  }

  /** With {@code entities} resolving entity names to ids when a subscription is created. */
  public SubscriptionApi(Producer<String, String> producer, SubscriptionIndex subscriptions, DeliveryLog deliveries,
                         Clock clock, Duration visibleTimeout, EntityResolver entities) {
    this.entities = entities;
    this.visibleTimeout = visibleTimeout;
    this.producer = producer;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  public HttpService.Builder routes(HttpService.Builder http) {
    return http
        .securedRoute("POST", "/v1/subscriptions", this::create)
        .securedRoute("GET", "/v1/subscriptions", this::list)
        .securedRoute("GET", "/v1/subscriptions/{id}", this::get)
        .securedRoute("PUT", "/v1/subscriptions/{id}", this::update)
        .securedRoute("DELETE", "/v1/subscriptions/{id}", this::delete)
        .securedRoute("GET", "/v1/subscriptions/{id}/deliveries", this::deliveries);
  }

  public Response create(Request request) throws Exception {
    if (!request.mediaType().isEmpty() && !request.mediaType().equals("application/json")) {
      throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "Send the subscription as application/json"));
    }
    String id = UUID.randomUUID().toString();
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String generatedSecret = HexFormat.of().formatHex(secret);
    Subscription s;
    try {
      s = SubscriptionJson.parseRequest(request.body(), id, request.principal(), clock.instant(), generatedSecret);
    } catch (InvalidSubscriptionException e) {
      Problem problem = Problem.of(400, "invalid-field", "Invalid subscription", e.getMessage());
      throw new ProblemException(e.field().isEmpty() ? problem : problem.with("field", e.field()));
    }
    try {
      // once, here: the stored subscription says what each name meant when it was created
      s = s.resolved(entities);
    } catch (EntityResolver.Unavailable e) {
      throw new ProblemException(Problem.of(503, "unavailable", "Try again later", e.getMessage()));
    }
    write(id, SubscriptionJson.toStored(s));
    boolean active = subscriptions.awaitPresent(id, visibleTimeout);
    log.info("Subscription {} created by {} (active: {})", id, s.owner(), active);
    ObjectNode view = SubscriptionJson.toView(s);
    view.put("active", active);
    if (s.webhook() != null && s.webhook().secret().equals(generatedSecret)) {
      // shown once: the receiver needs it to verify signatures
      ((ObjectNode) view.get("webhook")).put("secret", generatedSecret);
    }
    return Response.json(201, view).withHeader("Location", "/v1/subscriptions/" + id);
  }

  /**
   * Replaces one of the caller's subscriptions with the request body (same id, owner and creation time). A webhook
   * to the same URL without a secret keeps its secret; a new URL without one gets a new secret, shown once.
   */
  public Response update(Request request) throws Exception {
    Subscription old = owned(request);
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String generatedSecret = HexFormat.of().formatHex(secret);
    Subscription s;
    try {
      s = SubscriptionJson.parseRequest(request.body(), old.id(), old.owner(), old.createdAt(), generatedSecret);
    } catch (InvalidSubscriptionException e) {
      Problem problem = Problem.of(400, "invalid-field", "Invalid subscription", e.getMessage());
      throw new ProblemException(e.field().isEmpty() ? problem : problem.with("field", e.field()));
    }
    if (s.webhook() != null && old.webhook() != null && s.webhook().secret().equals(generatedSecret)
        && s.webhook().url().equals(old.webhook().url())) {
      s = new Subscription(s.id(), s.owner(), s.name(), s.entities(), s.entityTypes(), s.stance(), s.keywords(),
          s.language(), s.source(), s.minUrgency(), old.webhook(), s.createdAt());
    }
    try {
      s = s.resolved(entities);
    } catch (EntityResolver.Unavailable e) {
      throw new ProblemException(Problem.of(503, "unavailable", "Try again later", e.getMessage()));
    }
    write(s.id(), SubscriptionJson.toStored(s));
    Subscription stored = s;
    boolean active = subscriptions.awaitPresent(s.id(), visibleTimeout) && awaitReplaced(stored);
    log.info("Subscription {} replaced by {} (active: {})", s.id(), s.owner(), active);
    ObjectNode view = SubscriptionJson.toView(s);
    view.put("active", active);
    if (s.webhook() != null && s.webhook().secret().equals(generatedSecret)) {
      ((ObjectNode) view.get("webhook")).put("secret", generatedSecret);
    }
    return Response.json(200, view);
  }

  private boolean awaitReplaced(Subscription stored) throws InterruptedException {
    String expected = SubscriptionJson.toStored(stored);
    long deadline = System.nanoTime() + visibleTimeout.toNanos();
    while (!subscriptions.get(stored.id()).map(SubscriptionJson::toStored).filter(expected::equals).isPresent()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  public Response list(Request request) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("subscriptions");
    subscriptions.ownedBy(request.principal()).forEach(s -> items.add(SubscriptionJson.toView(s)));
    return Response.json(200, body);
  }

  public Response get(Request request) {
    return Response.json(200, SubscriptionJson.toView(owned(request)));
  }

  public Response delete(Request request) throws Exception {
    Subscription s = owned(request);
    write(s.id(), null);
    subscriptions.awaitAbsent(s.id(), visibleTimeout);
    deliveries.forget(s.id());
    log.info("Subscription {} deleted by {}", s.id(), request.principal());
    return new Response(204, "application/json", new byte[0], java.util.Map.of());
  }

  public Response deliveries(Request request) {
    Subscription s = owned(request);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("subscriptionId", s.id());
    ArrayNode items = body.putArray("deliveries");
    for (DeliveryLog.Entry e : deliveries.recent(s.id())) {
      items.addObject().put("alertId", e.alertId()).put("storyId", e.storyId()).put("version", e.version())
          .put("attempt", e.attempt()).put("outcome", e.outcome().name()).put("httpStatus", e.httpStatus())
          .put("error", e.error()).put("at", e.at().toString()).put("latencyMs", e.latencyMs());
    }
    return Response.json(200, body);
  }

  private Subscription owned(Request request) {
    String id = request.pathParam("id");
    return subscriptions.get(id).filter(s -> request.principal().equals(s.owner()))
        .orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Not found",
            "No subscription " + id + " of yours")));
  }

  private void write(String id, String value) throws InterruptedException {
    try {
      producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), id, value))
          .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("Subscription {} could not be written: {}", id, e.getMessage());
      throw new ProblemException(Problem.of(503, "unavailable", "Try again later",
          "The subscription could not be stored; nothing was changed"));
    }
  }
}

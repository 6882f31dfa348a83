package io.newsflow.sink.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.http.Handler;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.json.Json;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.http.AlertStreamApi;
import io.newsflow.sink.http.SubscriptionApi;
import io.newsflow.sink.stories.RecentStories;
import io.newsflow.sink.stories.StoryFilter;
import io.newsflow.sink.web.DeskSessions.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The monitoring desk on the sink's HTTP port: the page ({@code /desk/}), sign-in with an API token into a
 * session cookie ({@code /desk/session}), and {@code /desk/api/...}, the same handlers as the token API
 * ({@code /v1/...}) called on behalf of the session's principal. Writes need the session's CSRF token in
 * {@value DeskSecurity#CSRF_HEADER}. Also registers the token API's {@code /v1/entities/suggest} and
 * {@code /v1/stories} ({@code ?id=} for one story). The only class here that knows the HTTP layer.
 */
public final class DeskRoutes {

  private final TokenAuthenticator tokens;
  private final DeskSessions sessions;
  private final DeskAssets assets = new DeskAssets();
  private final SubscriptionApi subscriptionApi;
  private final AlertStreamApi alertStream;
  private final EntitySuggestions suggestions;
  private final RecentStories stories;

  public DeskRoutes(TokenAuthenticator tokens, DeskSessions sessions, SubscriptionApi subscriptionApi,
                    AlertStreamApi alertStream, EntitySuggestions suggestions, RecentStories stories) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.subscriptionApi = subscriptionApi;
    this.alertStream = alertStream;
    this.suggestions = suggestions;
    this.stories = stories;
  }

  public HttpService.Builder routes(HttpService.Builder http) {
    return http
        .securedRoute("GET", "/v1/entities/suggest", this::suggest)
        .securedRoute("GET", "/v1/stories", this::listStories)
        .securedRoute("GET", "/v1/stories/{id}", this::story)
        .route("POST", "/desk/session", this::signIn)
        .route("GET", "/desk/session", withSession(false, this::whoAmI))
        .route("DELETE", "/desk/session", withSession(true, this::signOut))
        .route("GET", "/desk/api/subscriptions", session(false, subscriptionApi::list))
        .route("POST", "/desk/api/subscriptions", session(true, subscriptionApi::create))
        .route("GET", "/desk/api/subscriptions/{id}", session(false, subscriptionApi::get))
        .route("PUT", "/desk/api/subscriptions/{id}", session(true, subscriptionApi::update))
        .route("DELETE", "/desk/api/subscriptions/{id}", session(true, subscriptionApi::delete))
        .route("GET", "/desk/api/subscriptions/{id}/deliveries", session(false, subscriptionApi::deliveries))
        .route("GET", "/desk/api/entities/suggest", session(false, this::suggest))
        .route("GET", "/desk/api/stories", session(false, this::listStories))
        .route("GET", "/desk/api/alerts/stream", session(false, alertStream::stream))
        .route("GET", "/desk/", r -> asset(""))
        .route("GET", "/desk/{file}", r -> asset(r.pathParam("file")));
  }

  private Response asset(String name) {
    DeskAssets.Asset a = assets.find(name).orElseThrow(() -> new ProblemException(
        Problem.of(404, "not-found", "Not found", "No desk file " + name)));
    return secured(new Response(200, a.contentType(), a.body(), Map.of()), true);
  }

  Response signIn(Request request) {
    String token;
    try {
      JsonNode body = Json.mapper().readTree(request.body());
      token = body == null ? "" : body.path("token").asText("").strip();
    } catch (IOException e) {
      throw ProblemException.badRequest("invalid-body", "Send {\"token\": \"...\"} as JSON");
    }
    if (token.isEmpty()) {
      throw new ProblemException(Problem.of(400, "invalid-field", "Token required", "Enter your API token")
          .with("field", "token"));
    }
    String principal = tokens.principalOf(token).orElseThrow(() -> new ProblemException(
        Problem.of(403, "forbidden", "Credential refused", "This token is not valid for this service")
            .with("field", "token")));
    Session s = sessions.open(principal);
    return secured(Response.json(201, sessionJson(s)), false)
        .withHeader("Set-Cookie", DeskSecurity.cookie(s.id(), sessions.idle().toSeconds(), overTls(request)));
  }

  private Response whoAmI(Request request, Session s) {
    return Response.json(200, sessionJson(s));
  }

  private Response signOut(Request request, Session s) {
    sessions.close(s.id());
    return new Response(204, "application/json", new byte[0], Map.of())
        .withHeader("Set-Cookie", DeskSecurity.cookie("", 0, overTls(request)));
  }

  Response suggest(Request request) {
    try {
      return Response.json(200, suggestions.suggest(first(request, "q")));
    } catch (EntityResolver.Unavailable e) {
      throw new ProblemException(Problem.of(503, "unavailable", "Try again later", e.getMessage()));
    }
  }

  Response listStories(Request request) {
    String id = first(request, "id");
    if (id != null) {
      // ids may hold a slash (ninjs URIs), which a path segment cannot
      return story(id);
    }
    StoryFilter filter = new StoryFilter(first(request, "entity"), first(request, "holder"),
        polarity(first(request, "polarity")), first(request, "language"), first(request, "source"));
    int limit = 50;
    String given = first(request, "limit");
    if (given != null) {
      try {
        limit = Integer.parseInt(given);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > RecentStories.MAX_LIST) {
        throw new ProblemException(Problem.of(400, "invalid-field", "Invalid query",
            "limit is a number from 1 to " + RecentStories.MAX_LIST).with("field", "limit"));
      }
    }
    int max = limit;
    return Response.json(200, queried(() -> stories.list(filter, max)));
  }

  Response story(Request request) {
    return story(request.pathParam("id"));
  }

  private Response story(String id) {
    Optional<ObjectNode> found = queried(() -> stories.story(id));
    return Response.json(200, found.orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Not found",
        "No recent story " + id + " on this sink instance"))));
  }

  private static String polarity(String given) {
    if (given != null && !List.of("SUPPORT", "OPPOSE", "HESITANT", "NEUTRAL").contains(given.toUpperCase())) {
      throw new ProblemException(Problem.of(400, "invalid-field", "Invalid query",
          "'" + given + "' is not one of [SUPPORT, OPPOSE, HESITANT, NEUTRAL]").with("field", "polarity"));
    }
    return given;
  }

  private static <T> T queried(java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidStateStoreException e) {
      throw new ProblemException(Problem.of(503, "unavailable", "Try again later",
          "The recent stories are not queryable right now (the sink is starting or rebalancing)"));
    }
  }

  private static String first(Request request, String name) {
    return request.query().getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty())
        .findFirst().orElse(null);
  }

  private static ObjectNode sessionJson(Session s) {
    return Json.mapper().createObjectNode().put("principal", s.principal()).put("csrfToken", s.csrfToken())
        .put("expires", s.expires().toString());
  }

  private static boolean overTls(Request request) {
    return request.header("X-Forwarded-Proto").map("https"::equalsIgnoreCase).orElse(false);
  }

  /** A desk route: the session cookie required, and for writes the CSRF token and a same-origin request. */
  private Handler withSession(boolean write, SessionHandler handler) {
    return request -> {
      Session s = sessions.find(DeskSecurity.sessionId(request.header("Cookie").orElse(null)))
          .orElseThrow(() -> new ProblemException(Problem.of(401, "unauthenticated", "Sign in",
              "Sign in to the desk with your API token")));
      if (write) {
        if (!DeskSessions.csrfMatches(s, request.header(DeskSecurity.CSRF_HEADER).orElse(null))) {
          throw new ProblemException(Problem.of(403, "csrf", "Request refused",
              "A desk write needs the session's " + DeskSecurity.CSRF_HEADER + " header"));
        }
        Optional<String> origin = request.header("Origin");
        Optional<String> host = request.header("Host");
        if (origin.isPresent() && host.isPresent() && !origin.get().replaceFirst("^https?://", "").equals(host.get())) {
          throw new ProblemException(Problem.of(403, "csrf", "Request refused", "Cross-origin desk writes are refused"));
        }
      }
      Response response = handler.handle(request.withPrincipal(s.principal()), s);
      return response == Response.STREAMED ? response : secured(response, false);
    };
  }

  private static Response secured(Response response, boolean cacheable) {
    Response out = response;
    for (Map.Entry<String, String> h : DeskSecurity.headers(cacheable).entrySet()) {
      out = out.withHeader(h.getKey(), h.getValue());
    }
    return out;
  }

  @FunctionalInterface
  private interface SessionHandler {
    Response handle(Request request, Session session) throws Exception;
  }

  /** A desk route to a token-API handler, which needs only the principal. */
  private Handler session(boolean write, Handler handler) {
    return withSession(write, (request, s) -> handler.handle(request));
  }
}

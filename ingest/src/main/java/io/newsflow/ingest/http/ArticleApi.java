package io.newsflow.ingest.http;

import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import io.newsflow.ingest.intake.Outcome;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/articles} (one article), {@code POST /v1/articles:batch} (many, a result per item) and
 * {@code GET /v1/articles/{id}}. The source of every article is the principal of the credential, never the body.
 */
public final class ArticleApi {

  /** The OpenAPI 3.1 description of this API, served at {@code /openapi.json}. */
  public static final String OPENAPI = "openapi/ingest.json";

  private final ArticleIntake intake;
  private final int maxBatchItems;

  public ArticleApi(ArticleIntake intake, int maxBatchItems) {
    this.intake = intake;
    this.maxBatchItems = maxBatchItems;
  }

  public HttpService.Builder routes(HttpService.Builder http) {
    return http
        .securedRoute("POST", "/v1/articles", this::post)
        .securedRoute("POST", "/v1/articles:batch", this::batch)
        .route("GET", "/v1/articles/{id}", this::get)
        .route("GET", "/v1/articles", this::get);
  }

  /** One article: 202 accepted, 200 duplicate, or problem details (400, 409, 413, 415, 503). */
  public Response post(Request request) {
    List<ParsedItem> items = read(request);
    if (items.size() != 1) {
      throw new ProblemException(Problem.of(400, "not-single", "Bad request", "POST /v1/articles takes one "
          + "article and this document holds " + items.size() + "; use POST /v1/articles:batch")
          .with("field", "$"));
    }
    Outcome outcome = intake.submit(items, request.principal(), contentType(request), request.body()).get(0);
    return switch (outcome.status()) {
      case ACCEPTED -> Response.json(202, result(outcome));
      case DUPLICATE -> Response.json(200, result(outcome));
      case REJECTED -> throw new ProblemException(outcome.problem());
    };
  }

  /** Many articles: 200 with a result per item, in document order, and counts. */
  public Response batch(Request request) {
    List<ParsedItem> items = read(request);
    if (items.size() > maxBatchItems) {
      throw new ProblemException(Problem.of(413, "batch-too-large", "Batch too large", "The batch holds "
          + items.size() + " articles; batches are limited to " + maxBatchItems).with("limit", maxBatchItems));
    }
    List<Outcome> outcomes = intake.submit(items, request.principal(), contentType(request), request.body());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("accepted", count(outcomes, Outcome.Status.ACCEPTED));
    json.put("duplicate", count(outcomes, Outcome.Status.DUPLICATE));
    json.put("rejected", count(outcomes, Outcome.Status.REJECTED));
    json.put("results", outcomes.stream().map(Outcome::toJson).toList());
    return Response.json(200, json);
  }

  /** {@code GET /v1/articles/{id}}, or {@code GET /v1/articles?id=} for ids with a slash (ninjs URIs). */
  public Response get(Request request) {
    String id = request.pathParam("id") != null ? request.pathParam("id")
        : request.query().getOrDefault("id", List.of()).stream().findFirst()
            .orElseThrow(() -> ProblemException.badRequest("missing-id", "Give the story id: /v1/articles?id=..."));
    return intake.accepted().find(id)
        .map(a -> Response.json(200, a))
        .orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Unknown story",
            "No story with id '" + id + "' was accepted by this ingest instance")));
  }

  private static List<ParsedItem> read(Request request) {
    try {
      return ArticleIntake.read(request.body(), request.mediaType());
    } catch (ProblemDocumentException e) {
      throw new ProblemException(e.problem());
    }
  }

  private static long count(List<Outcome> outcomes, Outcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  private static String contentType(Request request) {
    return request.mediaType().isEmpty() ? "text/plain" : request.mediaType();
  }

  private static Map<String, Object> result(Outcome outcome) {
    Map<String, Object> json = outcome.toJson();
    json.remove("index");
    return json;
  }
}

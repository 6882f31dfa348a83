package io.newsflow.ingest.http;

import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.UnsupportedFormatException;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.ingest.publish.AcceptedArticles;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.ingest.publish.ArticlePublisher.NotAcknowledgedException;
import io.newsflow.platform.http.Problem;
import io.newsflow.platform.http.ProblemException;
import io.newsflow.platform.http.Request;
import io.newsflow.platform.http.Response;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/articles} and {@code GET /v1/articles/{id}}. */
public final class ArticleApi {

  private static final Logger log = LoggerFactory.getLogger(ArticleApi.class);

  private final ArticlePublisher publisher;
  private final AcceptedArticles accepted;
  private final Clock clock;

  public ArticleApi(ArticlePublisher publisher, AcceptedArticles accepted, Clock clock) {
    this.publisher = publisher;
    this.accepted = accepted;
    this.clock = clock;
  }

  public Response post(Request request) {
    List<ParsedArticle> parsed = parse(request);
    if (parsed.size() != 1) {
      throw ProblemException.badRequest("not-single", "POST /v1/articles takes one article; use /v1/articles:batch");
    }
    RawArticle article = RawArticles.from(parsed.get(0), request.principal(), contentType(request), request.body(),
        clock.instant());
    return accept(article);
  }

  Response accept(RawArticle article) {
    if (!accepted.firstTime(article)) {
      log.info("Resend of story {} version {} not published again", article.getId(), article.getVersion());
      return Response.json(200, result(article, "duplicate", null));
    }
    RecordMetadata metadata;
    try {
      metadata = publisher.publish(article);
    } catch (NotAcknowledgedException e) {
      accepted.forget(article);
      log.warn("Story {} not accepted: {}", article.getId(), e.getMessage());
      throw new ProblemException(Problem.of(503, "kafka-unavailable", "Not stored",
          "Kafka did not acknowledge the article; retry later").with("retryable", true));
    }
    log.info("Accepted story {} version {} from {} at {}-{}@{}", article.getId(), article.getVersion(),
        article.getSource(), metadata.topic(), metadata.partition(), metadata.offset());
    return Response.json(202, result(article, "accepted", metadata));
  }

  public Response get(Request request) {
    String id = request.pathParam("id");
    return accepted.find(id)
        .map(a -> Response.json(200, a))
        .orElseThrow(() -> new ProblemException(Problem.of(404, "not-found", "Unknown story",
            "No story with id '" + id + "' was accepted by this ingest instance")));
  }

  private static List<ParsedArticle> parse(Request request) {
    try {
      return WireFormats.parse(request.body(), request.mediaType());
    } catch (UnsupportedFormatException e) {
      throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", e.getMessage()));
    } catch (InvalidArticleException e) {
      throw new ProblemException(Problem.of(400, "invalid-article", "Invalid article", e.getMessage())
          .with("field", e.field()));
    }
  }

  private static String contentType(Request request) {
    return request.mediaType().isEmpty() ? "text/plain" : request.mediaType();
  }

  private static Map<String, Object> result(RawArticle article, String status, RecordMetadata metadata) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", article.getId());
    json.put("version", article.getVersion());
    json.put("status", status);
    json.put("source", article.getSource());
    if (metadata != null) {
      json.put("partition", metadata.partition());
      json.put("offset", metadata.offset());
    }
    return json;
  }
}

package io.newsflow.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ingest.http.ArticleApi;
import io.newsflow.ingest.publish.AcceptedArticles;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.platform.http.Health;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.metrics.Metrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ingest service: HTTP API in front of an acknowledged Kafka producer. */
public final class IngestService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  private final ArticlePublisher publisher;
  private final HttpService http;

  private IngestService(ArticlePublisher publisher, HttpService http) {
    this.publisher = publisher;
    this.http = http;
  }

  public static IngestService start(IngestConfig config) throws IOException {
    TokenAuthenticator auth = TokenAuthenticator.parse(config.apiTokens());
    if (!auth.hasTokens()) {
      log.warn("No API tokens configured (NEWSFLOW_API_TOKENS): every write will be refused with 401/403");
    }
    PrometheusMeterRegistry metrics = Metrics.registry("ingest");
    ArticlePublisher publisher = new ArticlePublisher(config.producer(), config.ackTimeout());
    ArticleApi api = new ArticleApi(publisher, new AcceptedArticles(), Clock.systemUTC());
    HttpService http = HttpService.builder("ingest", new InetSocketAddress(config.port()))
        .maxBodyBytes(config.maxBodyBytes())
        .authenticator(auth)
        .metrics(metrics)
        .health(() -> Health.up(Map.of()))
        .securedRoute("POST", "/v1/articles", api::post)
        .route("GET", "/v1/articles/{id}", api::get)
        .build()
        .start();
    return new IngestService(publisher, http);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    // finish requests in flight before the producer goes away
    http.stop(Duration.ofSeconds(5));
    publisher.close();
  }
}

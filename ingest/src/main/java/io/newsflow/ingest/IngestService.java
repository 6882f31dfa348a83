package io.newsflow.ingest;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ingest.dropfolder.DropFolder;
import io.newsflow.ingest.http.ArticleApi;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.polling.FeedPoller;
import io.newsflow.ingest.publish.AcceptedArticles;
import io.newsflow.ingest.publish.AcceptedArticlesRestorer;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.kafka.ClusterProbe;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.metrics.Metrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: HTTP API, feed polling and drop folder, all in front of one acknowledged Kafka producer.
 * At start it reads {@code news.raw} back so resends stay duplicates across restarts.
 */
public final class IngestService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  private final ArticlePublisher publisher;
  private final ClusterProbe probe;
  private final HttpService http;
  private final FeedPoller poller;
  private final DropFolder dropFolder;

  private IngestService(ArticlePublisher publisher, ClusterProbe probe, HttpService http, FeedPoller poller,
                        DropFolder dropFolder) {
    this.publisher = publisher;
    this.probe = probe;
    this.http = http;
    this.poller = poller;
    this.dropFolder = dropFolder;
  }

  public static IngestService start(IngestConfig config) throws IOException {
    TokenAuthenticator auth = TokenAuthenticator.parse(config.apiTokens());
    if (!auth.hasTokens()) {
      log.warn("No API tokens configured (NEWSFLOW_API_TOKENS): every write will be refused with 401/403");
    }
    AcceptedArticles accepted = new AcceptedArticles(config.dedup().maxStories());
    if (config.dedup().restore()) {
      AcceptedArticlesRestorer.restore(config.consumer(), accepted, config.dedup().restoreTimeout());
    }
    PrometheusMeterRegistry metrics = Metrics.registry("ingest");
    ArticlePublisher publisher = new ArticlePublisher(config.producer(), config.ackTimeout(), metrics);
    // ready only while Kafka answers: a load balancer stops sending articles that could not be stored
    ClusterProbe probe = ClusterProbe.create(config.producer(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    ArticleIntake intake = new ArticleIntake(publisher, accepted, Clock.systemUTC(), config.limits().maxArticleBytes());
    ArticleApi api = new ArticleApi(intake, config.limits().maxBatchItems());
    HttpService http;
    try {
      http = api.routes(HttpService.builder("ingest", new InetSocketAddress(config.port())))
          .maxBodyBytes(config.maxBodyBytes())
          .authenticator(auth)
          .metrics(metrics)
          .health(probe::health)
          .openApi(ArticleApi.OPENAPI)
          .build()
          .start();
    } catch (RuntimeException e) {
      publisher.close();
      probe.close();
      throw e;
    }
    FeedPoller poller = null;
    if (!config.feeds().feeds().isEmpty()) {
      poller = new FeedPoller(config.feeds(), intake);
      poller.start();
    }
    DropFolder dropFolder = null;
    if (config.dropFolder() != null) {
      dropFolder = new DropFolder(config.dropFolder().dir(), config.dropFolder().source(), intake);
      dropFolder.start(config.dropFolder().interval());
    }
    return new IngestService(publisher, probe, http, poller, dropFolder);
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.close();
    }
    if (dropFolder != null) {
      dropFolder.close();
    }
    // finish requests in flight before the producer goes away
    http.stop(Duration.ofSeconds(5));
    publisher.close();
    probe.close();
  }
}

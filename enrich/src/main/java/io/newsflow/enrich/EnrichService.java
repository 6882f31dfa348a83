package io.newsflow.enrich;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.metrics.Metrics;
import io.newsflow.platform.streams.StreamsRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

/** The enrich service: the enrichment topology on Kafka Streams, with health and metrics over HTTP. */
public final class EnrichService implements AutoCloseable {

  /**
   * Longest time one article may spend in the entity or the stance step before it is dead-lettered; far below
   * {@code max.poll.interval.ms} (5 minutes), so a slow article never stalls its stream thread.
   */
  public static final Duration ARTICLE_STEP_BUDGET = Duration.ofSeconds(30);

  private final StreamsRunner streams;
  private final HttpService http;

  private EnrichService(StreamsRunner streams, HttpService http) {
    this.streams = streams;
    this.http = http;
  }

  public static EnrichService start(EnrichConfig config, Enricher enricher) throws IOException {
    PrometheusMeterRegistry metrics = Metrics.registry("enrich");
    Enricher limited = enricher.withMetrics(metrics).withTimeBudget(ARTICLE_STEP_BUDGET)
        .withSourceLanguages(config.sourceLanguages());
    EnrichTopology topology = new EnrichTopology(limited, config.stories(), Clock.systemUTC(), metrics);
    StreamsRunner streams = new StreamsRunner("enrich", topology.build(), config.streams(), metrics);
    HttpService http = HttpService.builder("enrich", new InetSocketAddress(config.httpPort()))
        .metrics(metrics)
        .health(streams::health)
        .build()
        .start();
    streams.start();
    return new EnrichService(streams, http);
  }

  /** Port of /health and /metrics (useful when configured as 0, a free port). */
  public int httpPort() {
    return http.port();
  }

  public StreamsRunner streams() {
    return streams;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    http.stop(Duration.ofSeconds(1));
  }
}

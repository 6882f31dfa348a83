package io.newsflow.platform.metrics;

import java.util.Map;

/**
 * Names of the pipeline's own meters, so every service counts the same things the same way and the
 * Grafana dashboard ({@code ops/grafana/newsflow.json}) finds them. The constants are Micrometer names
 * (dotted); {@link #EXPOSED} gives the name each one has on {@code /metrics} (Prometheus exposition).
 *
 * <pre>{@code
 * Counter in = Counter.builder(MetricNames.ARTICLES_IN).tag("format", "ninjs").register(registry);
 * Timer enrichment = Metrics.timer(registry, MetricNames.ENRICHMENT); // with histogram buckets for percentiles
 * }</pre>
 */
public final class MetricNames {

  /** Counter, ingest: articles accepted and acknowledged by Kafka. */
  public static final String ARTICLES_IN = "newsflow.articles.in";
  /** Counter, enrich: articles written to {@code news.enriched}. */
  public static final String ARTICLES_ENRICHED = "newsflow.articles.enriched";
  /** Counter, sink: index documents written to {@code news.index}. */
  public static final String ARTICLES_INDEXED = "newsflow.articles.indexed";
  /** Counter, Streams services: records sent to {@code news.deadletter}; tags {@code service}, {@code step}. */
  public static final String ARTICLES_DEADLETTERED = "newsflow.articles.deadlettered";
  /** Counter, enrich: old or repeated versions, exact resends and near-duplicates; tag {@code kind}. */
  public static final String DUPLICATES = "newsflow.duplicates";
  /** Timer, enrich: time to enrich one article (language, entities, stances, quotes). */
  public static final String ENRICHMENT = "newsflow.enrichment";
  /** Timer, sink: from the article's acceptance by ingest to its alert being emitted. */
  public static final String ALERT_LATENCY = "newsflow.alert.latency";
  /** Counter, sink: webhook deliveries that failed after retries; tag {@code subscription} is not used (cardinality). */
  public static final String WEBHOOK_FAILURES = "newsflow.webhook.failures";

  /** Each meter name with its name on {@code /metrics}: counters get {@code _total}, timers {@code _seconds}. */
  public static final Map<String, String> EXPOSED = Map.of(
      ARTICLES_IN, "newsflow_articles_in_total",
      ARTICLES_ENRICHED, "newsflow_articles_enriched_total",
      ARTICLES_INDEXED, "newsflow_articles_indexed_total",
      ARTICLES_DEADLETTERED, "newsflow_articles_deadlettered_total",
      DUPLICATES, "newsflow_duplicates_total",
      ENRICHMENT, "newsflow_enrichment_seconds",
      ALERT_LATENCY, "newsflow_alert_latency_seconds",
      WEBHOOK_FAILURES, "newsflow_webhook_failures_total");

  private MetricNames() {}
}

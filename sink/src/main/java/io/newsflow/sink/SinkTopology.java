package io.newsflow.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.platform.metrics.Metrics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.sink.alerts.matching.AlertTopology;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.index.IndexTopology;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Everything the sink does with enriched articles: the index documents and the alerts, from one source. */
public final class SinkTopology {

  private final SubscriptionIndex subscriptions;
  private final Clock clock;
  private final MeterRegistry metrics;

  /** Without metrics (tests). */
  public SinkTopology(SubscriptionIndex subscriptions, Clock clock) {
    this(subscriptions, clock, new SimpleMeterRegistry());
  }

  /** Counting index documents and timing alerts in {@code metrics}. */
  public SinkTopology(SubscriptionIndex subscriptions, Clock clock, MeterRegistry metrics) {
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.metrics = metrics;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> enriched = IndexTopology.readEnriched(builder);
    new IndexTopology(Counter.builder(MetricNames.ARTICLES_INDEXED)
        .description("Index documents written to news.index").register(metrics)).addTo(builder, enriched);
    // a re-enrichment with newer models updates the index; it is not news, so it raises no alerts
    KStream<String, EnrichedArticle> live = enriched.filterNot((id, story) -> story != null && story.getReenriched(),
        Named.as("skip-reenrichments-for-alerts"));
    new AlertTopology(subscriptions, clock, Metrics.timer(metrics, MetricNames.ALERT_LATENCY)).addTo(builder, live);
    return builder.build();
  }
}

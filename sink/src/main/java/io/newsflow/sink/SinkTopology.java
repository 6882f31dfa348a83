package io.newsflow.sink;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.sink.alerts.matching.AlertTopology;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.index.IndexTopology;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/** Everything the sink does with enriched articles: the index documents and the alerts, from one source. */
public final class SinkTopology {

  private final SubscriptionIndex subscriptions;
  private final Clock clock;

  public SinkTopology(SubscriptionIndex subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> enriched = IndexTopology.readEnriched(builder);
    new IndexTopology().addTo(enriched);
    new AlertTopology(subscriptions, clock).addTo(builder, enriched);
    return builder.build();
  }
}

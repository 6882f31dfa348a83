package io.newsflow.sink.alerts.matching;

import io.micrometer.core.instrument.Timer;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Subscriptions as a global store (every instance matches every subscription), enriched stories matched
 * against them, alerts out to {@code news.alerts} keyed by subscription id.
 */
public final class AlertTopology {

  public static final String SUBSCRIPTIONS_STORE = "subscriptions";
  public static final String MATCHES_STORE = "story-alert-matches";

  private final SubscriptionIndex subscriptions;
  private final Clock clock;
  private final Timer latency;

  /**
   * @param latency records, per alert, the time from the story's acceptance by ingest to the alert being produced
   */
  public AlertTopology(SubscriptionIndex subscriptions, Clock clock, Timer latency) {
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.latency = latency;
  }

  /** The processor that keeps the global store and the in-memory index in step with the subscriptions topic. */
  public static ProcessorSupplier<String, String, Void, Void> subscriptionUpdater(SubscriptionIndex subscriptions) {
    return () -> new SubscriptionStoreUpdater(subscriptions, SUBSCRIPTIONS_STORE);
  }

  /** Adds the alert steps to a builder that already reads the enriched stories. */
  public void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    // the topic is compacted and is the store's changelog: no second changelog topic
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTIONS_STORE), Serdes.String(), Serdes.String())
            .withLoggingDisabled(),
        Topics.SUBSCRIPTIONS.name(),
        Consumed.with(Topics.SUBSCRIPTIONS.keySerde(), Topics.SUBSCRIPTIONS.valueSerde()).withName("read-subscriptions"),
        subscriptionUpdater(subscriptions));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MATCHES_STORE), Serdes.String(), Serdes.String()));
    enriched
        .process(() -> new AlertMatcher(subscriptions, clock, MATCHES_STORE, latency), Named.as("match-subscriptions"), MATCHES_STORE)
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("write-alerts"));
  }
}

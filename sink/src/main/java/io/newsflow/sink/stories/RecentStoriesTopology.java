package io.newsflow.sink.stories;

import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps the last stories of each partition, as index documents with their version history, in the store
 * {@link #STORE} so the monitoring desk can list and show them through interactive queries: no second database.
 * {@link #ORDER_STORE} files them by arrival, so the oldest is dropped once a partition holds {@code limit}.
 */
public final class RecentStoriesTopology {

  /** Story id to its entry (index document, versions seen, arrival number). */
  public static final String STORE = "recent-stories";
  /** Arrival number (zero-padded) to story id, oldest first. */
  public static final String ORDER_STORE = "recent-stories-order";

  private final int limit;

  /** Keeping at most {@code limit} stories per partition of {@code news.enriched}. */
  public RecentStoriesTopology(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("The recent stories limit must be at least 1, not " + limit);
    }
    this.limit = limit;
  }

  /** Adds the stores and the step that fills them to a stream of enriched articles. */
  public void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
        Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORDER_STORE),
        Serdes.String(), Serdes.String()));
    // a kill removes the story here too, as it does from news.index
    enriched.process(() -> new RecentStoriesProcessor(limit), Named.as("keep-recent-stories"), STORE, ORDER_STORE);
  }
}

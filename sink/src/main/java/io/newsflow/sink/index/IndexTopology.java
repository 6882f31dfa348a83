package io.newsflow.sink.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** Enriched articles in; index documents out, or a tombstone for a killed story. */
public final class IndexTopology {

  private final Counter indexed;

  /** Without metrics (tests). */
  public IndexTopology() {
    this(Counter.builder(MetricNames.ARTICLES_INDEXED).register(new SimpleMeterRegistry()));
  }

  /** Counting the documents written in {@code indexed}. */
  public IndexTopology(Counter indexed) {
    this.indexed = indexed;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, readEnriched(builder));
    return builder.build();
  }

  /** The one source of enriched articles that the sink's steps share. */
  public static KStream<String, EnrichedArticle> readEnriched(StreamsBuilder builder) {
    return builder.stream(Topics.ENRICHED.name(), Consumed.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
        .withName("read-enriched-articles"));
  }

  private String document(EnrichedArticle story) {
    if (IndexDocuments.removes(story)) {
      return null;
    }
    // counted when built: a task retried under exactly-once counts a story again, the topic has it once
    indexed.increment();
    return IndexDocuments.toJson(story);
  }

  /** Adds the index steps to a stream of enriched articles. */
  public void addTo(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IndexedVersions.STORE),
        Serdes.String(), Serdes.Long()));
    enriched
        // re-enrichment runs beside live traffic: it may never replace a newer version or revive a kill
        .processValues(IndexedVersions::new, Named.as("drop-stale-reenrichments"), IndexedVersions.STORE)
        // a kill or withhold removes the story from the compacted index
        .mapValues(this::document, Named.as("build-index-document"))
        .to(Topics.INDEX.name(), Produced.with(Topics.INDEX.keySerde(), Topics.INDEX.valueSerde())
            .withName("write-index-documents"));
  }
}

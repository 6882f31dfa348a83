package io.newsflow.sink.index;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Enriched articles in; index documents out, or a tombstone for a killed story. */
public final class IndexTopology {

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(readEnriched(builder));
    return builder.build();
  }

  /** The one source of enriched articles that the sink's steps share. */
  public static KStream<String, EnrichedArticle> readEnriched(StreamsBuilder builder) {
    return builder.stream(Topics.ENRICHED.name(), Consumed.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
        .withName("read-enriched-articles"));
  }

  /** Adds the index steps to a stream of enriched articles. */
  public void addTo(KStream<String, EnrichedArticle> enriched) {
    enriched
        // a kill or withhold removes the story from the compacted index
        .mapValues(story -> IndexDocuments.removes(story) ? null : IndexDocuments.toJson(story),
            Named.as("build-index-document"))
        .to(Topics.INDEX.name(), Produced.with(Topics.INDEX.keySerde(), Topics.INDEX.valueSerde())
            .withName("write-index-documents"));
  }
}

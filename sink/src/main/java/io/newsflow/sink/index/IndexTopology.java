package io.newsflow.sink.index;

import io.newsflow.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Enriched articles in; index documents out, or a tombstone for a killed story. */
public final class IndexTopology {

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.ENRICHED.name(), Consumed.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
            .withName("read-enriched-articles"))
        // a kill or withhold removes the story from the compacted index
        .mapValues(enriched -> IndexDocuments.removes(enriched) ? null : IndexDocuments.toJson(enriched),
            Named.as("build-index-document"))
        .to(Topics.INDEX.name(), Produced.with(Topics.INDEX.keySerde(), Topics.INDEX.valueSerde())
            .withName("write-index-documents"));
    return builder.build();
  }
}

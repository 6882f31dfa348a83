package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Raw articles in, enriched articles out. */
public final class EnrichTopology {

  private final Enricher enricher;

  public EnrichTopology(Enricher enricher) {
    this.enricher = enricher;
  }

  public Topology build() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(Topics.RAW.name(), Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde())
            .withName("read-raw-articles"))
        .mapValues(enricher::enrich, Named.as("enrich-article"))
        .to(Topics.ENRICHED.name(), Produced.with(Topics.ENRICHED.keySerde(), Topics.ENRICHED.valueSerde())
            .withName("write-enriched-articles"));
    return builder.build();
  }
}

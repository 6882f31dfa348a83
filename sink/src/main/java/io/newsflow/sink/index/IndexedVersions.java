package io.newsflow.sink.index;

import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index from going back in time (key: story id). Enrich releases each story's versions in order, but
 * {@code bin/newsflow reenrich} writes to the same topic from outside that order: a re-enrichment of version 3
 * that arrives after live traffic indexed version 4, or after the story was killed, is dropped and counted here.
 * Live records and re-enrichments of the version indexed now pass; the store holds the last version per story,
 * negative once the story was killed.
 */
public final class IndexedVersions implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  public static final String STORE = "indexed-versions";
  static final String METRIC_SCOPE = "newsflow-index";
  static final String DROPPED_OPERATION = "dropped-stale-reenrichments";

  private static final Logger log = LoggerFactory.getLogger(IndexedVersions.class);

  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, Long> versions;
  private Sensor dropped;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.versions = context.getStateStore(STORE);
    this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(),
        DROPPED_OPERATION, Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    EnrichedArticle story = record.value();
    if (story == null) {
      return;
    }
    long version = story.getArticle().getVersion();
    Long indexed = versions.get(record.key());
    if (story.getReenriched() && !isCurrent(indexed, version)) {
      dropped.record();
      log.info("Dropped the re-enrichment of story {} version {}: the index holds {}", record.key(), version,
          indexed == null ? "nothing" : indexed < 0 ? "a kill of version " + -indexed : "version " + indexed);
      return;
    }
    if (!story.getReenriched()) {
      versions.put(record.key(), IndexDocuments.removes(story) ? -version : version);
    }
    context.forward(record);
  }

  /** A re-enrichment replaces the document of the version indexed now, never an older or a killed one. */
  private static boolean isCurrent(Long indexed, long version) {
    return indexed != null && indexed == version;
  }

  @Override
  public void close() {
    context.metrics().removeSensor(dropped);
  }
}

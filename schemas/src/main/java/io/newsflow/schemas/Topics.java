package io.newsflow.schemas;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The topic catalogue: every topic newsflow reads or writes, with its key and value types. */
public final class Topics {

  /** Articles accepted by ingest, one record per story version. */
  public static final Topic<String, RawArticle> RAW =
      new Topic<>("news.raw", Serdes.String(), AvroSerde.of(RawArticle.class), false,
          "story id", "RawArticle (Avro single-object)", "ingest", "enrich");

  /** Articles with language, entities, stances and quotes. */
  public static final Topic<String, EnrichedArticle> ENRICHED =
      new Topic<>("news.enriched", Serdes.String(), AvroSerde.of(EnrichedArticle.class), false,
          "story id", "EnrichedArticle (Avro single-object)", "enrich", "sink");

  /** Search-ready documents, latest version per story; a tombstone removes a killed story. */
  public static final Topic<String, String> INDEX =
      new Topic<>("news.index", Serdes.String(), Serdes.String(), true,
          "story id", "index document (JSON, see index-document.schema.json)", "sink", "search, newsroom tools");

  /** Versions, resends and near-duplicates that were not indexed as new stories, with the reason. */
  public static final Topic<String, String> DUPLICATES =
      new Topic<>("news.duplicates", Serdes.String(), Serdes.String(), false,
          "story id", "duplicate record (JSON)", "enrich", "audit");

  /**
   * Per story, after each version enrich let through: the owning source (the first to deliver it), the latest
   * version and its text digest (JSON). Read by every ingest instance to refuse other sources' writes and number
   * stories that state no version.
   */
  public static final Topic<String, String> STORIES =
      new Topic<>("news.stories", Serdes.String(), Serdes.String(), true,
          "story id", "story state (JSON: owner, version, textDigest, killed)", "enrich", "ingest");

  /** Alert subscriptions of monitoring teams; a tombstone deletes one. */
  public static final Topic<String, String> SUBSCRIPTIONS =
      new Topic<>("news.subscriptions", Serdes.String(), Serdes.String(), true,
          "subscription id", "subscription (JSON)", "sink API", "sink matcher (global table)");

  /** Matches of enriched stories against subscriptions. */
  public static final Topic<String, String> ALERTS =
      new Topic<>("news.alerts", Serdes.String(), Serdes.String(), false,
          "subscription id", "alert (JSON)", "sink", "webhook delivery, dashboards");

  /** Records no step could process, with the original bytes and the reason in headers. */
  public static final Topic<byte[], byte[]> DEAD_LETTER =
      new Topic<>("news.deadletter", Serdes.ByteArray(), Serdes.ByteArray(), false,
          "original key", "original bytes; headers newsflow.error.*", "ingest, enrich, sink", "operators, audit");

  public static final List<Topic<?, ?>> ALL = List.of(RAW, ENRICHED, INDEX, DUPLICATES, STORIES, SUBSCRIPTIONS, ALERTS,
      DEAD_LETTER);

  private Topics() {}

  /** A topic with its serdes and how it is kept. */
  public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted,
                            String keyDescription, String valueDescription, String producers, String consumers) {}
}

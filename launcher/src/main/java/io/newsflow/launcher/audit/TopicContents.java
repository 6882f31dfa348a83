package io.newsflow.launcher.audit;

import java.util.List;

/**
 * What the audit read from the pipeline's topics (committed records only, from the beginning).
 *
 * @param raw         every record on news.raw
 * @param enriched    every record on news.enriched
 * @param index       every record on news.index, tombstones included
 * @param duplicates  every record on news.duplicates
 * @param deadLetters every record on news.deadletter
 * @param alerts      every record on news.alerts
 */
public record TopicContents(List<RawRecord> raw, List<EnrichedRecord> enriched, List<IndexRecord> index,
                            List<DuplicateRecord> duplicates, List<DeadLetterRecord> deadLetters,
                            List<AlertRecord> alerts) {

  public TopicContents {
    raw = List.copyOf(raw);
    enriched = List.copyOf(enriched);
    index = List.copyOf(index);
    duplicates = List.copyOf(duplicates);
    deadLetters = List.copyOf(deadLetters);
    alerts = List.copyOf(alerts);
  }

  /** One record on news.raw; {@code id} is null when the value is not a readable RawArticle (a poison pill). */
  public record RawRecord(int partition, long offset, String key, String id, long version) {
    public boolean readable() {
      return id != null;
    }
  }

  /**
   * One record on news.enriched, with its coordinates so that sink dead letters can be traced back;
   * {@code reenriched} when {@code bin/newsflow reenrich} wrote it (a second enrichment of an indexed version).
   */
  public record EnrichedRecord(int partition, long offset, String id, long version, boolean reenriched) {
    public EnrichedRecord(int partition, long offset, String id, long version) {
      this(partition, offset, id, version, false);
    }
  }

  /**
   * One record on news.index: a document ({@code version} set) or a tombstone ({@code version} null);
   * {@code reenriched} when it replaced a document with the output of newer models.
   */
  public record IndexRecord(String key, Long version, boolean reenriched) {
    public IndexRecord(String key, Long version) {
      this(key, version, false);
    }

    public boolean tombstone() {
      return version == null;
    }
  }

  /** One record on news.duplicates: the story version that was not indexed as new, and why. */
  public record DuplicateRecord(String id, long version, String reason) {}

  /**
   * One record on news.deadletter. {@code sourceTopic}, {@code sourcePartition} and {@code sourceOffset} come
   * from the Kafka Streams dead-letter headers ({@code __streams.errors.*}) and are null when absent.
   */
  public record DeadLetterRecord(String key, String sourceTopic, Integer sourcePartition, Long sourceOffset,
                                 String reason) {}

  /** One record on news.alerts, reduced to what makes an alert unique. */
  public record AlertRecord(String subscription, String story, Long version, String type) {}
}

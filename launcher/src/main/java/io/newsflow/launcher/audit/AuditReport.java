package io.newsflow.launcher.audit;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an audit: how every accepted article ended, which ones are in no outcome, and what came out
 * more than once.
 *
 * @param accepted         records on news.raw (each is one accepted article version)
 * @param indexed          accounted as indexed (present, superseded by a later version, or removed by a kill)
 * @param duplicates       accounted as duplicate or old version on news.duplicates
 * @param deadLettered     accounted on news.deadletter
 * @param deadLetterReasons dead-lettered articles by reason (exception class)
 * @param unaccounted      accepted articles in none of the outcomes
 * @param duplicated       outputs written more than once: index documents, enriched records and alerts
 */
public record AuditReport(long accepted, long indexed, long duplicates, long deadLettered,
                          Map<String, Long> deadLetterReasons, List<Unaccounted> unaccounted,
                          List<Duplicated> duplicated) {

  public AuditReport {
    deadLetterReasons = Map.copyOf(deadLetterReasons);
    unaccounted = List.copyOf(unaccounted);
    duplicated = List.copyOf(duplicated);
  }

  /** True when every accepted article is accounted for and nothing was written twice. */
  public boolean clean() {
    return unaccounted.isEmpty() && duplicated.isEmpty();
  }

  /** An accepted article (raw record) in none of the outcomes; {@code id} is null for an unreadable record. */
  public record Unaccounted(int partition, long offset, String key, String id, Long version) {}

  /** Something written {@code count} times where at most {@code expected} were allowed. */
  public record Duplicated(String topic, String what, long count, long expected) {}
}

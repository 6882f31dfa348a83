package io.newsflow.launcher.audit;

import io.newsflow.launcher.audit.AuditReport.Duplicated;
import io.newsflow.launcher.audit.AuditReport.Unaccounted;
import io.newsflow.launcher.audit.TopicContents.AlertRecord;
import io.newsflow.launcher.audit.TopicContents.DeadLetterRecord;
import io.newsflow.launcher.audit.TopicContents.DuplicateRecord;
import io.newsflow.launcher.audit.TopicContents.EnrichedRecord;
import io.newsflow.launcher.audit.TopicContents.IndexRecord;
import io.newsflow.launcher.audit.TopicContents.RawRecord;
import io.newsflow.schemas.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides how every accepted article ended. The unit is one record on news.raw (one accepted story version);
 * it is accounted as exactly one of:
 * <ul>
 *   <li>dead-lettered: a news.deadletter record names its source offset on news.raw, or the offset of its
 *       enriched record on news.enriched (a sink failure), or, without offset headers, its key;</li>
 *   <li>indexed: news.index holds a document for the same story and version, or the story's latest document
 *       is a later version (compaction may have removed the older one), or the story was removed by a
 *       tombstone (kill or withhold);</li>
 *   <li>duplicate or old version: news.duplicates records the same story and version.</li>
 * </ul>
 * When a story version was accepted several times (a resend), each copy needs its own outcome. Outputs written
 * more than once are reported too: more index documents or enriched records for a story version than it was
 * accepted, and the same alert (subscription, story, version, type) more than once. Re-enrichments
 * ({@code bin/newsflow reenrich}) write an indexed version again on purpose and are not counted as doubles.
 */
public final class Accounting {

  private Accounting() {}

  public static AuditReport account(TopicContents topics) {
    Map<Coordinates, DeadLetterRecord> rawDeadLetters = new HashMap<>();
    Map<Coordinates, DeadLetterRecord> enrichedDeadLetters = new HashMap<>();
    Map<String, Deque<DeadLetterRecord>> deadLettersByKey = new HashMap<>();
    for (DeadLetterRecord d : topics.deadLetters()) {
      if (d.sourcePartition() != null && d.sourceOffset() != null && Topics.RAW.name().equals(d.sourceTopic())) {
        rawDeadLetters.put(new Coordinates(d.sourcePartition(), d.sourceOffset()), d);
      } else if (d.sourcePartition() != null && d.sourceOffset() != null && Topics.ENRICHED.name().equals(d.sourceTopic())) {
        enrichedDeadLetters.put(new Coordinates(d.sourcePartition(), d.sourceOffset()), d);
      } else if (d.key() != null) {
        // no offset headers: matched by key to an article no other outcome explains
        deadLettersByKey.computeIfAbsent(d.key(), k -> new ArrayDeque<>()).add(d);
      }
    }
    // a sink dead letter names an enriched record: trace it back to its story version
    Map<StoryVersion, Deque<DeadLetterRecord>> sinkDeadLetters = new HashMap<>();
    for (EnrichedRecord e : topics.enriched()) {
      DeadLetterRecord d = enrichedDeadLetters.get(new Coordinates(e.partition(), e.offset()));
      if (d != null) {
        sinkDeadLetters.computeIfAbsent(new StoryVersion(e.id(), e.version()), k -> new ArrayDeque<>()).add(d);
      }
    }

    Map<StoryVersion, Long> documents = new HashMap<>();
    Set<StoryVersion> reenrichedDocuments = new HashSet<>();
    Map<String, IndexRecord> latest = new HashMap<>();
    Set<String> removed = new HashSet<>();
    for (IndexRecord r : topics.index()) {
      latest.put(r.key(), r);
      if (r.tombstone()) {
        removed.add(r.key());
      } else if (r.reenriched()) {
        // a re-enrichment replaces a version already indexed: evidence, but not a second indexing
        reenrichedDocuments.add(new StoryVersion(r.key(), r.version()));
      } else {
        documents.merge(new StoryVersion(r.key(), r.version()), 1L, Long::sum);
      }
    }
    Map<StoryVersion, Long> recordedDuplicates = count(topics.duplicates(), d -> new StoryVersion(d.id(), d.version()));

    long indexed = 0;
    long duplicates = 0;
    long deadLettered = 0;
    Map<String, Long> reasons = new TreeMap<>();
    List<Unaccounted> unaccounted = new ArrayList<>();
    Map<StoryVersion, List<RawRecord>> pending = new LinkedHashMap<>();
    for (RawRecord r : topics.raw()) {
      DeadLetterRecord d = rawDeadLetters.get(new Coordinates(r.partition(), r.offset()));
      if (d == null && !r.readable()) {
        d = poll(deadLettersByKey, r.key());
      }
      if (d != null) {
        deadLettered++;
        reasons.merge(d.reason(), 1L, Long::sum);
      } else if (!r.readable()) {
        unaccounted.add(new Unaccounted(r.partition(), r.offset(), r.key(), null, null));
      } else {
        pending.computeIfAbsent(new StoryVersion(r.id(), r.version()), k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<StoryVersion, List<RawRecord>> group : pending.entrySet()) {
      StoryVersion sv = group.getKey();
      boolean indexEvidence = documents.containsKey(sv) || reenrichedDocuments.contains(sv) || removed.contains(sv.id())
          || supersededBy(latest.get(sv.id()), sv);
      long duplicateBudget = recordedDuplicates.getOrDefault(sv, 0L);
      for (RawRecord r : group.getValue()) {
        DeadLetterRecord d;
        if (indexEvidence) {
          indexed++;
          indexEvidence = false;
        } else if ((d = poll(sinkDeadLetters, sv)) != null || (d = poll(deadLettersByKey, r.key())) != null) {
          deadLettered++;
          reasons.merge(d.reason(), 1L, Long::sum);
        } else if (duplicateBudget > 0) {
          duplicates++;
          duplicateBudget--;
        } else {
          unaccounted.add(new Unaccounted(r.partition(), r.offset(), r.key(), r.id(), r.version()));
        }
      }
    }
    return new AuditReport(topics.raw().size(), indexed, duplicates, deadLettered, reasons, unaccounted,
        duplicated(topics, documents));
  }

  private static List<Duplicated> duplicated(TopicContents topics, Map<StoryVersion, Long> documents) {
    Map<StoryVersion, Long> acceptedTimes = count(topics.raw().stream().filter(RawRecord::readable).toList(),
        r -> new StoryVersion(r.id(), r.version()));
    List<Duplicated> out = new ArrayList<>();
    documents.entrySet().stream()
        .filter(e -> e.getValue() > acceptedTimes.getOrDefault(e.getKey(), 0L))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new Duplicated(Topics.INDEX.name(), e.getKey().toString(), e.getValue(),
            acceptedTimes.getOrDefault(e.getKey(), 0L))));
    count(topics.enriched().stream().filter(e -> !e.reenriched()).toList(), e -> new StoryVersion(e.id(), e.version()))
        .entrySet().stream()
        .filter(e -> e.getValue() > acceptedTimes.getOrDefault(e.getKey(), 0L))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.add(new Duplicated(Topics.ENRICHED.name(), e.getKey().toString(), e.getValue(),
            acceptedTimes.getOrDefault(e.getKey(), 0L))));
    count(topics.alerts(), Function.identity()).entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .forEach(e -> out.add(new Duplicated(Topics.ALERTS.name(), describe(e.getKey()), e.getValue(), 1)));
    return out;
  }

  private static boolean supersededBy(IndexRecord latest, StoryVersion sv) {
    return latest != null && !latest.tombstone() && latest.version() > sv.version();
  }

  private static String describe(AlertRecord a) {
    return "subscription " + a.subscription() + ", story " + a.story() + " v" + a.version() + ", " + a.type();
  }

  private static <K, V> V poll(Map<K, Deque<V>> queues, K key) {
    Deque<V> queue = key == null ? null : queues.get(key);
    return queue == null ? null : queue.poll();
  }

  private static <T, K> Map<K, Long> count(List<T> items, Function<T, K> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private record Coordinates(int partition, long offset) {}

  /** A story id with one of its versions. */
  record StoryVersion(String id, long version) implements Comparable<StoryVersion> {
    @Override
    public int compareTo(StoryVersion other) {
      int byId = id.compareTo(other.id);
      return byId != 0 ? byId : Long.compare(version, other.version);
    }

    @Override
    public String toString() {
      return id + " v" + version;
    }
  }
}

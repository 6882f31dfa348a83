package io.newsflow.enrich.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One LSH band bucket per key: compares a story with the recent stories sharing its band value, answers its
 * verdict keyed by story id, and adds the story to the bucket. Buckets keep stories seen within the window.
 */
public final class BandMatcher implements Processor<String, BandProbe, String, CheckMessage> {

  public static final String STORE = "near-duplicate-bands";

  private final NearDuplicateRule rule;
  private final Duration window;
  private final Duration pruneEvery;
  private ProcessorContext<String, CheckMessage> context;
  private KeyValueStore<String, BandBucket> buckets;

  public BandMatcher(NearDuplicateRule rule, Duration window, Duration pruneEvery) {
    this.rule = rule;
    this.window = window;
    this.pruneEvery = pruneEvery;
  }

  @Override
  public void init(ProcessorContext<String, CheckMessage> context) {
    this.context = context;
    this.buckets = context.getStateStore(STORE);
    context.schedule(pruneEvery, PunctuationType.STREAM_TIME, this::prune);
  }

  @Override
  public void process(Record<String, BandProbe> record) {
    BandProbe probe = record.value();
    BandBucket bucket = buckets.get(record.key());
    List<BandEntry> kept = new ArrayList<>();
    long oldest = probe.seenAt() - window.toMillis();
    BandVerdict verdict = BandVerdict.none(record.key());
    if (bucket != null) {
      for (BandEntry entry : bucket.entries()) {
        if (entry.seenAt() < oldest || entry.storyId().equals(probe.storyId())) {
          continue;
        }
        kept.add(entry);
        // a copy of this very story (its cluster is this story) is later, not earlier: never its original
        if (!entry.source().equals(probe.source()) && !entry.cluster().equals(probe.storyId())
            && rule.isDuplicate(entry.signature(), probe.signature())) {
          verdict = verdict.better(new BandVerdict(record.key(), entry.storyId(), entry.cluster(),
              Fingerprint.similarity(entry.signature(), probe.signature()), entry.seenAt()));
        }
      }
    }
    String cluster = verdict.found() ? verdict.cluster() : probe.storyId();
    kept.add(new BandEntry(probe.storyId(), probe.source(), cluster, probe.signature(), probe.seenAt()));
    kept.sort(Comparator.comparingLong(BandEntry::seenAt));
    if (kept.size() > BandBucket.MAX_ENTRIES) {
      kept = new ArrayList<>(kept.subList(kept.size() - BandBucket.MAX_ENTRIES, kept.size()));
    }
    buckets.put(record.key(), new BandBucket(kept));
    context.forward(new Record<>(probe.storyId(), CheckMessage.verdict(probe.storyId(), probe.version(), verdict),
        record.timestamp()));
  }

  private void prune(long streamTime) {
    long oldest = streamTime - window.toMillis();
    List<KeyValue<String, BandBucket>> changed = new ArrayList<>();
    try (KeyValueIterator<String, BandBucket> all = buckets.all()) {
      all.forEachRemaining(e -> {
        List<BandEntry> recent = e.value.entries().stream().filter(x -> x.seenAt() >= oldest).toList();
        if (recent.size() != e.value.entries().size()) {
          changed.add(KeyValue.pair(e.key, recent.isEmpty() ? null : new BandBucket(recent)));
        }
      });
    }
    changed.forEach(kv -> {
      if (kv.value == null) {
        buckets.delete(kv.key);
      } else {
        buckets.put(kv.key, kv.value);
      }
    });
  }
}

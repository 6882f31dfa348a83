package io.newsflow.enrich.stories;

import io.newsflow.platform.logging.LogContext;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops exact resends (key: text digest): the same normalised text under another story id, seen within the
 * retention. A newer version of the same story with unchanged text is a version and passes, and so does an update
 * of a story already seen (header {@link VersionGate#PREVIOUS_VERSION_HEADER}) whose new text another story
 * carried first: dropping it would leave the older version in the index. The near-duplicate step then links it
 * to that story.
 * The store is bounded by the retention: entries older than it (in stream time) are pruned.
 */
public final class ExactResendFilter implements FixedKeyProcessor<String, RawArticle, Screened> {

  public static final String STORE = "text-fingerprints";

  private static final Logger log = LoggerFactory.getLogger(ExactResendFilter.class);

  private final Duration retention;
  private final Duration pruneEvery;
  private FixedKeyProcessorContext<String, Screened> context;
  private KeyValueStore<String, TextFingerprint> fingerprints;

  public ExactResendFilter(Duration retention, Duration pruneEvery) {
    this.retention = retention;
    this.pruneEvery = pruneEvery;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Screened> context) {
    this.context = context;
    this.fingerprints = context.getStateStore(STORE);
    context.schedule(pruneEvery, PunctuationType.STREAM_TIME, this::prune);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    try (LogContext story = LogContext.story(record.value().getId(), record.headers())) {
      screen(record);
    }
  }

  private void screen(FixedKeyRecord<String, RawArticle> record) {
    RawArticle article = record.value();
    TextFingerprint first = fingerprints.get(record.key());
    boolean update = record.headers().lastHeader(VersionGate.PREVIOUS_VERSION_HEADER) != null;
    if (first != null && first.seenAt() >= record.timestamp() - retention.toMillis()
        && !first.storyId().equals(article.getId()) && !update) {
      log.info("Story {} version {} from {} is an exact resend of story {} from {}", article.getId(),
          article.getVersion(), article.getSource(), first.storyId(), first.source());
      context.forward(record.withValue(Screened.dropped(DuplicateRecord.resend(article, first.storyId()))));
      return;
    }
    if (first == null || !first.storyId().equals(article.getId())) {
      fingerprints.put(record.key(), new TextFingerprint(article.getId(), article.getSource(), record.timestamp()));
    }
    context.forward(record.withValue(Screened.passed(article)));
  }

  private void prune(long streamTime) {
    long oldest = streamTime - retention.toMillis();
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, TextFingerprint> all = fingerprints.all()) {
      all.forEachRemaining(e -> {
        if (e.value.seenAt() < oldest) {
          expired.add(e.key);
        }
      });
    }
    expired.forEach(fingerprints::delete);
  }
}

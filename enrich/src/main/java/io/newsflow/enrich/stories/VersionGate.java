package io.newsflow.enrich.stories;

import io.newsflow.platform.logging.LogContext;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only versions newer than the latest seen of their story (key: story id); an older or equal
 * version arriving late is dropped, counted ({@value #METRIC_SCOPE} {@value #DROPPED_OPERATION}) and recorded.
 * A story belongs to the source that first delivered it: a version from any other source is refused whatever
 * its version or status, counted ({@value #NOT_OWNER_OPERATION}) and recorded with reason
 * {@link DuplicateRecord#NOT_OWNER}, so no source can update, correct or kill another's story.
 * A version that updates a story already seen carries the header {@value #PREVIOUS_VERSION_HEADER}, so the later
 * steps keyed by text can tell an update from a new story.
 */
public final class VersionGate implements FixedKeyProcessor<String, RawArticle, Screened> {

  public static final String STORE = "story-versions";
  public static final String METRIC_SCOPE = "newsflow-stories";
  public static final String DROPPED_OPERATION = "dropped-late-versions";
  public static final String NOT_OWNER_OPERATION = "refused-not-owner";
  /** Record header on an update of a story already seen: the version it supersedes, as decimal text. */
  public static final String PREVIOUS_VERSION_HEADER = "newsflow.story.previous-version";

  private static final Logger log = LoggerFactory.getLogger(VersionGate.class);

  private FixedKeyProcessorContext<String, Screened> context;
  private KeyValueStore<String, StoryVersion> versions;
  private Sensor dropped;
  private Sensor notOwner;

  @Override
  public void init(FixedKeyProcessorContext<String, Screened> context) {
    this.context = context;
    this.versions = context.getStateStore(STORE);
    this.dropped = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(),
        DROPPED_OPERATION, Sensor.RecordingLevel.INFO);
    this.notOwner = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(),
        NOT_OWNER_OPERATION, Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    try (LogContext story = LogContext.story(record.key(), record.headers())) {
      screen(record);
    }
  }

  private void screen(FixedKeyRecord<String, RawArticle> record) {
    RawArticle article = record.value();
    if (article == null) {
      return;
    }
    boolean kill = Kills.isKill(article);
    StoryVersion current = versions.get(record.key());
    if (current != null && !current.ownedBy(article.getSource())) {
      notOwner.record();
      log.warn("Refused story {} version {} from {}: the story belongs to {}", record.key(), article.getVersion(),
          article.getSource(), current.owner());
      context.forward(record.withValue(Screened.dropped(
          DuplicateRecord.version(article, DuplicateRecord.NOT_OWNER, current.version()))));
      return;
    }
    if (current != null && !current.supersededBy(article.getVersion(), kill)) {
      String reason = article.getVersion() < current.version() ? DuplicateRecord.OLD_VERSION : DuplicateRecord.SAME_VERSION;
      dropped.record();
      log.info("Dropped story {} version {} from {}: {} (version {} already seen)", record.key(),
          article.getVersion(), article.getSource(), reason, current.version());
      context.forward(record.withValue(Screened.dropped(DuplicateRecord.version(article, reason, current.version()))));
      return;
    }
    // the first source to deliver a story owns it; a story first seen before owners were recorded is adopted
    String owner = current != null && current.owner() != null ? current.owner() : article.getSource();
    versions.put(record.key(), new StoryVersion(article.getVersion(), kill, owner, article.getTextDigest()));
    FixedKeyRecord<String, Screened> passed = record.withValue(Screened.passed(article));
    if (current != null) {
      Headers headers = new RecordHeaders(record.headers().toArray());
      headers.remove(PREVIOUS_VERSION_HEADER);
      headers.add(PREVIOUS_VERSION_HEADER, Long.toString(current.version()).getBytes(StandardCharsets.UTF_8));
      passed = passed.withHeaders(headers);
    }
    context.forward(passed);
  }

  @Override
  public void close() {
    context.metrics().removeSensor(dropped);
    context.metrics().removeSensor(notOwner);
  }
}

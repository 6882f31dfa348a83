package io.newsflow.enrich.dedup;

import io.newsflow.platform.logging.LogContext;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.AvroSerde;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers, per story version (key: story id), the enriched article and the verdicts of all its LSH bands, and
 * releases the article once all are in: with {@code duplicateOf} the earliest earlier story from another
 * source it near-duplicates, and {@code storyCluster} that story's cluster (else its own id).
 */
public final class NearDuplicateGather implements Processor<String, CheckMessage, String, EnrichedArticle> {

  public static final String STORE = "near-duplicate-checks";

  private static final Logger log = LoggerFactory.getLogger(NearDuplicateGather.class);
  private static final AvroSerde<EnrichedArticle> ARTICLES = AvroSerde.of(EnrichedArticle.class);

  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, PendingCheck> pending;

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.pending = context.getStateStore(STORE);
  }

  @Override
  public void process(Record<String, CheckMessage> record) {
    try (LogContext story = LogContext.story(record.value().storyId(), record.headers())) {
      gather(record);
    }
  }

  private void gather(Record<String, CheckMessage> record) {
    CheckMessage message = record.value();
    String key = message.storyId() + "#" + message.version();
    PendingCheck before = pending.get(key);
    PendingCheck now = (before == null ? PendingCheck.empty() : before).with(message);
    if (!now.complete()) {
      pending.put(key, now);
      return;
    }
    if (before != null) {
      pending.delete(key);
    }
    EnrichedArticle article = ARTICLES.decode(now.article());
    if (now.bands() > 0) {
      EnrichedArticle.Builder marked = EnrichedArticle.newBuilder(article);
      if (now.best() != null && now.best().found()) {
        log.info("Story {} from {} near-duplicates story {} (similarity {}): cluster {}", message.storyId(),
            article.getArticle().getSource(), now.best().match(), String.format("%.2f", now.best().similarity()),
            now.best().cluster());
        marked.setDuplicateOf(now.best().match()).setStoryCluster(now.best().cluster());
      } else {
        marked.setDuplicateOf(null).setStoryCluster(message.storyId());
      }
      article = marked.build();
    }
    // the last message in may be a band verdict: the article's own trace goes on with it to the index and alerts
    String trace = article.getArticle().getTraceId();
    RecordHeaders headers = new RecordHeaders();
    if (LogContext.traceIdOf("00-" + trace + "-0000000000000001-00") != null) {
      headers.add(LogContext.traceparent(trace));
    }
    context.forward(new Record<>(record.key(), article, record.timestamp(), headers));
  }
}

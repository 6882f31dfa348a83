package io.newsflow.enrich.stories;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last word before {@code news.enriched} (key: story id): versions of one story travel different
 * partitions (by text digest, by LSH band) and may overtake each other; a version older than the one already
 * released (or a kill already released at the same version) never goes out after it.
 */
public final class ReleaseGate implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {

  public static final String STORE = "released-versions";

  private static final Logger log = LoggerFactory.getLogger(ReleaseGate.class);

  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, StoryVersion> released;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.released = context.getStateStore(STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    RawArticle article = record.value().getArticle();
    boolean kill = Kills.isKill(article);
    StoryVersion last = released.get(record.key());
    if (last != null && !last.supersededBy(article.getVersion(), kill)) {
      log.info("Story {} version {} overtaken by version {} on its way: not released", record.key(),
          article.getVersion(), last.version());
      return;
    }
    released.put(record.key(), new StoryVersion(article.getVersion(), kill));
    context.forward(record);
  }
}

package io.newsflow.enrich.stories;

import io.newsflow.schemas.avro.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a story whose embargo lies in the future (key: story id) and releases it when the wall clock reaches
 * the embargo, not before. A kill or a newer version of a held story replaces the hold: the kill passes at
 * once, the newer version is held or passed by its own embargo.
 */
public final class EmbargoHold implements Processor<String, RawArticle, String, RawArticle> {

  public static final String STORE = "embargoed-stories";

  private static final Logger log = LoggerFactory.getLogger(EmbargoHold.class);

  private final Duration checkEvery;
  private ProcessorContext<String, RawArticle> context;
  private KeyValueStore<String, RawArticle> held;
  private Cancellable check;

  public EmbargoHold(Duration checkEvery) {
    this.checkEvery = checkEvery;
  }

  @Override
  public void init(ProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.held = context.getStateStore(STORE);
    // wall clock, not stream time: an embargo ends at a time of day even when no article arrives
    this.check = context.schedule(checkEvery, PunctuationType.WALL_CLOCK_TIME, this::release);
  }

  @Override
  public void process(Record<String, RawArticle> record) {
    RawArticle article = record.value();
    Instant until = article.getEmbargoedUntil();
    boolean wasHeld = held.delete(record.key()) != null;
    if (!Kills.isKill(article) && until != null && until.toEpochMilli() > context.currentSystemTimeMs()) {
      held.put(record.key(), article);
      log.info("Holding story {} version {} under embargo until {}", record.key(), article.getVersion(), until);
      return;
    }
    if (wasHeld) {
      log.info("Story {} version {} ({}) replaces its held embargoed version", record.key(), article.getVersion(),
          article.getPubStatus());
    }
    context.forward(record);
  }

  private void release(long now) {
    List<KeyValue<String, RawArticle>> due = new ArrayList<>();
    try (KeyValueIterator<String, RawArticle> all = held.all()) {
      all.forEachRemaining(entry -> {
        if (entry.value.getEmbargoedUntil().toEpochMilli() <= now) {
          due.add(entry);
        }
      });
    }
    for (KeyValue<String, RawArticle> entry : due) {
      held.delete(entry.key);
      log.info("Embargo of story {} version {} ended at {}: released", entry.key, entry.value.getVersion(),
          entry.value.getEmbargoedUntil());
      context.forward(new Record<>(entry.key, entry.value, now));
    }
  }

  @Override
  public void close() {
    if (check != null) {
      check.cancel();
    }
  }
}

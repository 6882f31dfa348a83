package io.newsflow.sink.alerts.matching;

import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global {@code subscriptions} store and the in-memory {@link SubscriptionIndex} in step with
 * {@code news.subscriptions}. On start the index is rebuilt from the (restored) store, so a restart loses none.
 */
final class SubscriptionStoreUpdater implements Processor<String, String, Void, Void> {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionStoreUpdater.class);

  private final SubscriptionIndex index;
  private final String storeName;
  private KeyValueStore<String, String> store;

  SubscriptionStoreUpdater(SubscriptionIndex index, String storeName) {
    this.index = index;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
    int loaded = 0;
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        if (load(entry.key, entry.value)) {
          loaded++;
        }
      }
    }
    log.info("Subscription index rebuilt from the global store: {} subscriptions", loaded);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      index.remove(record.key());
      log.info("Subscription {} deleted", record.key());
      return;
    }
    if (load(record.key(), record.value())) {
      store.put(record.key(), record.value());
    }
  }

  private boolean load(String id, String json) {
    try {
      index.put(SubscriptionJson.fromStored(json));
      return true;
    } catch (IllegalArgumentException e) {
      log.warn("Subscription {} is unreadable and ignored: {}", id, e.getMessage());
      return false;
    }
  }
}

package io.newsflow.sink.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.sink.alerts.matching.AlertTopology;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A restart loses no subscription: the index is rebuilt from the (restored) global store when the updater starts. */
class SubscriptionStoreUpdaterTest {

  @Test
  void rebuildsTheIndexFromTheRestoredStoreOnStart() {
    // given: a store as Streams restores it after a restart, and a fresh, empty index
    KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(AlertTopology.SUBSCRIPTIONS_STORE), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>(props);
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    store.put("sub-1", SubscriptionJson.toStored(SubscriptionJson.parseRequest(
        "{\"entities\": [\"Q36\"]}".getBytes(StandardCharsets.UTF_8), "sub-1", "team", Instant.EPOCH, "secret-0123456789abcdef")));
    store.put("broken", "{not json");
    SubscriptionIndex index = new SubscriptionIndex();

    // when
    Processor<String, String, Void, Void> updater = AlertTopology.subscriptionUpdater(index).get();
    updater.init(context);

    // then
    assertThat(index.get("sub-1")).isPresent();
    assertThat(index.get("broken")).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }
}

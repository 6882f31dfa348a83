package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.sink.alerts.Alerts;
import io.newsflow.sink.alerts.Alerts.RetractionReason;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.index.IndexDocuments;
import io.newsflow.platform.json.Json;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches each story version against the subscriptions that share an index key with it and forwards one
 * alert per new or changed match, keyed by subscription id. Remembers per story what matched, so an
 * unchanged re-send stays silent and a kill retracts every earlier match.
 */
final class AlertMatcher implements Processor<String, EnrichedArticle, String, String> {

  private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

  private final SubscriptionIndex subscriptions;
  private final Clock clock;
  private final String storeName;
  private final Timer latency;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> matches;

  AlertMatcher(SubscriptionIndex subscriptions, Clock clock, String storeName, Timer latency) {
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.storeName = storeName;
    this.latency = latency;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.matches = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle story = record.value();
    if (story == null) {
      return;
    }
    String storyId = story.getArticle().getId();
    long version = story.getArticle().getVersion();
    String stored = matches.get(storyId);
    StoryMatches previous = stored == null ? null : StoryMatches.fromJson(stored);
    if (previous != null && version < previous.version()) {
      log.debug("Story {} version {} arrived after version {}; not matched", storyId, version, previous.version());
      return;
    }
    Instant now = clock.instant();
    if (IndexDocuments.removes(story)) {
      if (previous != null) {
        previous.signatures().keySet().forEach(id -> retract(record, id, story, RetractionReason.KILLED, now));
        // keep the version so that an older version arriving late is not matched again
        matches.put(storyId, new StoryMatches(version, Map.of()).toJson());
      }
      return;
    }
    StoryFacts facts = StoryFacts.of(story);
    Map<String, String> signatures = new TreeMap<>();
    for (Subscription s : subscriptions.candidates(facts)) {
      Matcher.match(s, facts).ifPresent(match -> {
        String signature = match.signature();
        signatures.put(s.id(), signature);
        if (previous == null || !signature.equals(previous.signatures().get(s.id()))) {
          context.forward(record.withKey(s.id()).withValue(Json.write(Alerts.match(match, story, now))));
          latency.record(Duration.between(story.getArticle().getReceived(), now));
        }
      });
    }
    if (previous != null) {
      previous.signatures().keySet().stream().filter(id -> !signatures.containsKey(id))
          .forEach(id -> retract(record, id, story, RetractionReason.NO_LONGER_MATCHES, now));
    }
    if (previous != null || !signatures.isEmpty()) {
      matches.put(storyId, new StoryMatches(version, signatures).toJson());
    }
  }

  private void retract(Record<String, EnrichedArticle> record, String subscriptionId, EnrichedArticle story,
                       RetractionReason reason, Instant now) {
    // a subscription deleted since it matched gets no retraction: nobody listens any more
    subscriptions.get(subscriptionId).ifPresent(s -> context.forward(record.withKey(s.id())
        .withValue(Json.write(Alerts.retraction(s.id(), s.name(), story, reason, now)))));
  }
}

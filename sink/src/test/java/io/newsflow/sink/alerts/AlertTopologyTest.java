package io.newsflow.sink.alerts;

import static io.newsflow.sink.alerts.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.metrics.MetricNames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.sink.SinkTopology;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {

  static final String POLAND_SENTENCE = "Poland and Greece are hesitant to commit troops.";
  static final String BODY = "Leaders met in Paris. " + POLAND_SENTENCE + " Denmark agreed to take part.";
  static final Instant NOW = Instant.parse("2026-03-27T10:20:00Z");

  @TempDir
  Path stateDir;

  SubscriptionIndex index;
  SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, EnrichedArticle> enriched;
  TestInputTopic<String, String> subscriptions;
  TestOutputTopic<String, String> alerts;
  TestOutputTopic<String, String> documents;

  @BeforeEach
  void startDriver() {
    index = new SubscriptionIndex();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(new SinkTopology(index, Clock.fixed(NOW, ZoneOffset.UTC), metrics).build(), props);
    enriched = driver.createInputTopic(Topics.ENRICHED.name(), Serdes.String().serializer(),
        Topics.ENRICHED.valueSerde().serializer());
    subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS.name(), Serdes.String().serializer(),
        Serdes.String().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(), Serdes.String().deserializer());
    documents = driver.createOutputTopic(Topics.INDEX.name(), Serdes.String().deserializer(),
        Serdes.String().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void alertsSubscriptionWhoseHolderAndPolarityMatchWithTheEvidenceSentence() {
    // given
    subscribe("sub-poland", """
        {"name": "Poland wavers", "stance": {"holder": "Poland", "polarities": ["OPPOSE", "HESITANT"]}}""");

    // when
    send(polandStory(1).build());

    // then
    List<TestRecord<String, String>> out = alerts.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key()).isEqualTo("sub-poland");
    JsonNode alert = json(out.get(0).value());
    assertThat(alert.path("type").asText()).isEqualTo("MATCH");
    assertThat(alert.path("subscriptionId").asText()).isEqualTo("sub-poland");
    assertThat(alert.path("storyId").asText()).isEqualTo("story-1");
    assertThat(alert.path("version").asLong()).isEqualTo(1);
    assertThat(alert.path("createdAt").asText()).isEqualTo(NOW.toString());
    JsonNode stance = alert.path("why").path("stances").get(0);
    assertThat(stance.path("holder").path("id").asText()).isEqualTo("Q36");
    assertThat(stance.path("polarity").asText()).isEqualTo("HESITANT");
    assertThat(stance.path("evidence").path("text").asText()).isEqualTo(POLAND_SENTENCE);
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void timesEachAlertFromTheStorysAcceptanceAndCountsIndexDocuments() {
    // given
    subscribe("sub-poland", """
        {"stance": {"holder": "Poland", "polarities": ["HESITANT"]}}""");

    // when
    send(polandStory(1).build());
    send(story("unrelated").text("Football results", "The home side won two to one.").build());

    // then: one alert, produced at NOW for a story received (by ingest) at RECEIVED + 1 s
    Timer latency = metrics.get(MetricNames.ALERT_LATENCY).timer();
    assertThat(latency.count()).isEqualTo(1);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo((double) Duration.between(Stories.RECEIVED.plusSeconds(1), NOW).toMillis());
    assertThat(metrics.get(MetricNames.ARTICLES_INDEXED).counter().count()).isEqualTo(2.0);
  }

  @Test
  void sendsNothingForAStoryThatMatchesNoSubscription() {
    // given
    subscribe("sub-poland", """
        {"stance": {"holder": "Poland", "polarities": ["OPPOSE", "HESITANT"]}}""");
    subscribe("sub-grain", """
        {"keywords": ["grain exports"]}""");

    // when
    send(story("unrelated").text("Football results", "The home side won two to one.").build());
    send(story("story-2").text("Poland", BODY).entity("Q36", "Poland", EntityType.LOCATION, "Poland").build());

    // then
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void matchesEntitiesByIdOrByMentionNameAndKeywordsAsWholeWords() {
    // given
    subscribe("by-id", """
        {"entities": ["Q36"], "entityTypes": ["LOCATION"]}""");
    subscribe("by-name", """
        {"entities": ["greece"]}""");
    subscribe("phrase", """
        {"keywords": ["commit troops"], "language": "en", "minUrgency": 4}""");
    subscribe("part-word", """
        {"keywords": ["troop"]}""");
    subscribe("too-urgent", """
        {"keywords": ["troops"], "minUrgency": 2}""");

    // when
    send(polandStory(1).build());

    // then
    assertThat(alerts.readKeyValuesToMap().keySet()).containsExactlyInAnyOrder("by-id", "by-name", "phrase");
  }

  @Test
  void alertsANewVersionOnlyWhenWhatMatchedChanged() {
    // given
    subscribe("sub-poland", """
        {"stance": {"holder": "Poland", "polarities": ["OPPOSE", "HESITANT"]}}""");
    send(polandStory(1).build());
    alerts.readRecordsToList();

    // when: version 2 only changes the headline, version 3 adds a new opposing stance
    send(polandStory(2).build());
    List<TestRecord<String, String>> afterSameMatch = alerts.readRecordsToList();
    send(polandStory(3).stance("Q36", "Poland", Polarity.OPPOSE, "sanctions relief", "Denmark agreed to take part.").build());

    // then
    assertThat(afterSameMatch).isEmpty();
    List<TestRecord<String, String>> out = alerts.readRecordsToList();
    assertThat(out).hasSize(1);
    assertThat(json(out.get(0).value()).path("version").asLong()).isEqualTo(3);
    assertThat(json(out.get(0).value()).path("why").path("stances")).hasSize(2);
  }

  @Test
  void retractsEveryEarlierMatchWhenTheStoryIsKilled() {
    // given
    subscribe("sub-poland", """
        {"entities": ["Poland"]}""");
    subscribe("sub-troops", """
        {"keywords": ["troops"]}""");
    send(polandStory(1).build());
    alerts.readRecordsToList();

    // when
    send(polandStory(2).status(PubStatus.CANCELED).build());

    // then
    List<TestRecord<String, String>> out = alerts.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactlyInAnyOrder("sub-poland", "sub-troops");
    assertThat(out).allSatisfy(r -> {
      JsonNode alert = json(r.value());
      assertThat(alert.path("type").asText()).isEqualTo("RETRACTION");
      assertThat(alert.path("retractionReason").asText()).isEqualTo("KILLED");
      assertThat(alert.path("version").asLong()).isEqualTo(2);
    });
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void retractsAMatchThatALaterVersionNoLongerHas() {
    // given
    subscribe("sub-troops", """
        {"keywords": ["troops"]}""");
    send(polandStory(1).build());
    alerts.readRecordsToList();

    // when
    send(story("story-1").version(2).text("Leaders meet", "Leaders met in Paris.").build());

    // then
    JsonNode alert = json(alerts.readValue());
    assertThat(alert.path("type").asText()).isEqualTo("RETRACTION");
    assertThat(alert.path("retractionReason").asText()).isEqualTo("NO_LONGER_MATCHES");
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void ignoresAnOlderVersionArrivingAfterANewerOne() {
    // given
    subscribe("sub-troops", """
        {"keywords": ["troops"]}""");
    send(story("story-1").version(2).text("Leaders meet", "Leaders discussed troops.").build());
    alerts.readRecordsToList();

    // when
    send(polandStory(1).build());

    // then
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void aReenrichmentReplacesTheIndexedDocumentWithItsModelsAndRaisesNoAlert() {
    // given version 1 indexed and alerted
    subscribe("sub-poland", """
        {"entities": ["Q36"]}""");
    send(polandStory(1).build());
    alerts.readRecordsToList();
    assertThat(json(documents.readValue()).path("models").path("entities").asText()).isEqualTo("ner-1");

    // when bin/newsflow reenrich writes version 1 again with a newer model
    send(polandStory(1).reenrichedWith("ner-2").build());

    // then the document is replaced, and no alert is sent
    JsonNode document = json(documents.readValue());
    assertThat(document.path("version").asLong()).isEqualTo(1);
    assertThat(document.path("models").path("entities").asText()).isEqualTo("ner-2");
    assertThat(documents.isEmpty()).isTrue();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void aReenrichmentNeverReplacesANewerVersionNorRevivesAKilledStory() {
    // given version 2 indexed
    send(polandStory(2).build());
    documents.readRecordsToList();

    // when a re-enrichment of version 1 arrives late, then the story is killed, then version 2 is re-enriched
    send(polandStory(1).reenrichedWith("ner-2").build());
    List<TestRecord<String, String>> afterOlder = documents.readRecordsToList();
    send(polandStory(3).status(PubStatus.CANCELED).build());
    List<TestRecord<String, String>> afterKill = documents.readRecordsToList();
    send(polandStory(2).reenrichedWith("ner-2").build());

    // then only the kill's tombstone reached the index
    assertThat(afterOlder).isEmpty();
    assertThat(afterKill).singleElement().satisfies(r -> assertThat(r.value()).isNull());
    assertThat(documents.isEmpty()).isTrue();
  }

  @Test
  void stopsMatchingASubscriptionDeletedByATombstone() {
    // given
    subscribe("sub-poland", """
        {"entities": ["Q36"]}""");

    // when
    subscriptions.pipeInput("sub-poland", (String) null);
    send(polandStory(1).build());

    // then
    assertThat(index.get("sub-poland")).isEmpty();
    assertThat(alerts.isEmpty()).isTrue();
  }

  /** The Poland story: Poland (Q36) and Greece mentioned, Poland HESITANT about committing troops. */
  private static Stories polandStory(long version) {
    return story("story-1").version(version).text("Poland hesitates" + (version > 1 ? " over troops" : ""), BODY)
        .entity("Q36", "Poland", EntityType.LOCATION, "Poland")
        .entity("Q41", "Greece", EntityType.LOCATION, "Greece")
        .stance("Q36", "Poland", Polarity.HESITANT, "commit troops", POLAND_SENTENCE);
  }

  private void subscribe(String id, String json) {
    Subscription s = SubscriptionJson.parseRequest(json.getBytes(StandardCharsets.UTF_8), id, "team",
        NOW, "generated-secret-0123456789");
    subscriptions.pipeInput(id, SubscriptionJson.toStored(s));
  }

  private void send(EnrichedArticle story) {
    enriched.pipeInput(story.getArticle().getId(), story);
  }

  private static JsonNode json(String value) {
    try {
      return Json.mapper().readTree(value);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + value, e);
    }
  }
}

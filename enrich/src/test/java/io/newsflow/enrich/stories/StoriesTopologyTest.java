package io.newsflow.enrich.stories;

import static io.newsflow.enrich.stories.Stories.BUDGET_BODY;
import static io.newsflow.enrich.stories.Stories.BUDGET_HEADLINE;
import static io.newsflow.enrich.stories.Stories.FLOOD_BODY;
import static io.newsflow.enrich.stories.Stories.FLOOD_COPY_BODY;
import static io.newsflow.enrich.stories.Stories.FLOOD_COPY_HEADLINE;
import static io.newsflow.enrich.stories.Stories.FLOOD_HEADLINE;
import static io.newsflow.enrich.stories.Stories.embargoed;
import static io.newsflow.enrich.stories.Stories.flood;
import static io.newsflow.enrich.stories.Stories.kill;
import static io.newsflow.enrich.stories.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoriesTopologyTest {

  private static final Instant NOW = Instant.parse("2026-05-16T08:00:00Z");
  private static LanguageIdentifier languages;

  /** Headlines the entity step was run on: what was enriched with NLP, and how often. */
  private final List<String> tagged = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestOutputTopic<String, EnrichedArticle> enriched;
  private TestOutputTopic<String, String> duplicates;

  @BeforeAll
  static void loadLanguages() {
    languages = LanguageIdentifier.load();
  }

  @BeforeEach
  void startDriver() {
    Enricher enricher = new Enricher(languages, text -> {
      tagged.add(text.headline());
      return List.of();
    }, (text, found) -> StanceTagger.Result.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stories-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    driver = new TopologyTestDriver(new EnrichTopology(enricher, StoryPolicy.standard(), Clock.fixed(NOW, ZoneOffset.UTC), metrics)
        .build(), props, NOW);
    raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    enriched = driver.createOutputTopic(Topics.ENRICHED.name(), Topics.ENRICHED.keySerde().deserializer(),
        Topics.ENRICHED.valueSerde().deserializer());
    duplicates = driver.createOutputTopic(Topics.DUPLICATES.name(), Topics.DUPLICATES.keySerde().deserializer(),
        Topics.DUPLICATES.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void enrichesNewStoryAsTheFirstOfItsOwnCluster() {
    // given a story never seen
    // when it arrives
    send(flood("urn:agency:flood", 1));

    // then it is enriched once, in no one else's cluster
    EnrichedArticle out = enriched.readValue();
    assertThat(out.getArticle().getId()).isEqualTo("urn:agency:flood");
    assertThat(out.getDuplicateOf()).isNull();
    assertThat(out.getStoryCluster()).isEqualTo("urn:agency:flood");
    assertThat(out.getSteps()).contains("entities");
    assertThat(tagged).containsExactly(FLOOD_HEADLINE);
    assertNothingElse();
  }

  @Test
  void releasesNewerVersionAfterOlderOne() {
    // given version 1 of a story
    send(flood("urn:agency:flood", 1));

    // when its correction, version 2, arrives
    send(story("urn:agency:flood", 2, "agency", FLOOD_HEADLINE, FLOOD_BODY + "\n\nCorrects number of rivers."));

    // then both go out in order, and the correction is a version, not a duplicate
    assertThat(enriched.readValuesToList()).extracting(a -> a.getArticle().getVersion()).containsExactly(1L, 2L);
    assertThat(droppedLateVersions()).isZero();
    assertNothingElse();
  }

  @Test
  void dropsLateOlderVersionRecordsAndCountsIt() {
    // given version 2 of a story was released
    send(flood("urn:agency:flood", 2));
    assertThat(enriched.readValue().getArticle().getVersion()).isEqualTo(2);

    // when version 1 arrives late
    send(flood("urn:agency:flood", 1));

    // then it is not enriched, but recorded as an old version and counted
    KeyAndJson dropped = readDuplicate();
    assertThat(dropped.key()).isEqualTo("urn:agency:flood");
    assertThat(dropped.json().path("version").asLong()).isEqualTo(1);
    assertThat(dropped.json().path("reason").asText()).isEqualTo(DuplicateRecord.OLD_VERSION);
    assertThat(dropped.json().path("currentVersion").asLong()).isEqualTo(2);
    assertThat(droppedLateVersions()).isEqualTo(1.0);
    assertThat(tagged).hasSize(1);
    assertNothingElse();
  }

  @Test
  void dropsResendOfSameVersionAsSameVersion() {
    // given version 1 of a story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when the agency sends it again
    send(flood("urn:agency:flood", 1));

    // then the resend is recorded, not enriched again
    assertThat(readDuplicate().json().path("reason").asText()).isEqualTo(DuplicateRecord.SAME_VERSION);
    assertThat(tagged).hasSize(1);
    assertNothingElse();
  }

  @Test
  void passesKillWithoutNlp() {
    // given a published story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when the agency kills it
    send(kill("urn:agency:flood", 2));

    // then the kill goes out (the sink turns it into a tombstone) without entity or stance tagging
    EnrichedArticle out = enriched.readValue();
    assertThat(out.getArticle().getPubStatus()).isEqualTo(PubStatus.CANCELED);
    assertThat(out.getSteps()).isEmpty();
    assertThat(tagged).containsExactly(FLOOD_HEADLINE);
    assertNothingElse();
  }

  @Test
  void holdsEmbargoedStoryUntilItsTime() {
    // given a story under embargo for another hour
    send(embargoed(flood("urn:agency:flood", 1), NOW.plus(Duration.ofHours(1))));

    // when 59 minutes pass, it is still held
    driver.advanceWallClockTime(Duration.ofMinutes(59));
    assertThat(enriched.isEmpty()).isTrue();

    // when the embargo time is reached, it is released
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(enriched.readValue().getArticle().getId()).isEqualTo("urn:agency:flood");
    assertNothingElse();
  }

  @Test
  void killDuringEmbargoWinsOverTheHold() {
    // given a story under embargo
    send(embargoed(flood("urn:agency:flood", 1), NOW.plus(Duration.ofMinutes(30))));

    // when it is killed before its time
    send(kill("urn:agency:flood", 2));

    // then the kill passes at once and the held story is never released
    assertThat(enriched.readValue().getArticle().getPubStatus()).isEqualTo(PubStatus.CANCELED);
    driver.advanceWallClockTime(Duration.ofHours(1));
    assertThat(tagged).isEmpty();
    assertNothingElse();
  }

  @Test
  void newVersionDuringEmbargoReplacesTheHold() {
    // given version 1 under embargo
    send(embargoed(flood("urn:agency:flood", 1), NOW.plus(Duration.ofMinutes(30))));

    // when version 2 arrives with the embargo lifted
    send(story("urn:agency:flood", 2, "agency", FLOOD_HEADLINE, FLOOD_BODY + "\n\nEmbargo lifted."));

    // then version 2 goes out now and version 1 never does
    assertThat(enriched.readValue().getArticle().getVersion()).isEqualTo(2);
    driver.advanceWallClockTime(Duration.ofHours(1));
    assertNothingElse();
  }

  @Test
  void dropsExactResendUnderAnotherId() {
    // given a story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when the same text comes again under another id
    send(flood("urn:agency:flood-resent", 1));

    // then it is recorded as an exact resend of the first and not enriched twice
    KeyAndJson dropped = readDuplicate();
    assertThat(dropped.key()).isEqualTo("urn:agency:flood-resent");
    assertThat(dropped.json().path("reason").asText()).isEqualTo(DuplicateRecord.EXACT_RESEND);
    assertThat(dropped.json().path("duplicateOf").asText()).isEqualTo("urn:agency:flood");
    assertThat(tagged).hasSize(1);
    assertThat(duplicatesCounted(DuplicateRecord.EXACT_RESEND)).isEqualTo(1.0);
    assertNothingElse();
  }

  @Test
  void indexesUpdateWhoseNewTextAnotherStoryCarriedFirst() {
    // given an agency story, and a paper's own story on another subject
    send(flood("urn:agency:flood", 1));
    send(story("urn:paper:budget", 1, "paper", BUDGET_HEADLINE, BUDGET_BODY));
    assertThat(enriched.readValuesToList()).hasSize(2);

    // when the paper replaces its story with the agency's text as version 2
    send(story("urn:paper:budget", 2, "paper", FLOOD_HEADLINE, FLOOD_BODY));

    // then version 2 is released (the index must not keep version 1), as a copy of the agency story
    EnrichedArticle update = enriched.readValue();
    assertThat(update.getArticle().getId()).isEqualTo("urn:paper:budget");
    assertThat(update.getArticle().getVersion()).isEqualTo(2L);
    assertThat(update.getDuplicateOf()).isEqualTo("urn:agency:flood");
    assertNothingElse();
  }

  @Test
  void marksSyndicatedCopyFromAnotherSourceAsNearDuplicate() {
    // given an agency story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when another outlet publishes a lightly edited copy under its own id
    send(story("urn:paper:italy-floods", 1, "paper", FLOOD_COPY_HEADLINE, FLOOD_COPY_BODY));

    // then the copy is indexed as a duplicate of the agency story, in its cluster
    EnrichedArticle copy = enriched.readValue();
    assertThat(copy.getArticle().getId()).isEqualTo("urn:paper:italy-floods");
    assertThat(copy.getDuplicateOf()).isEqualTo("urn:agency:flood");
    assertThat(copy.getStoryCluster()).isEqualTo("urn:agency:flood");
    assertThat(duplicatesCounted("near-duplicate")).isEqualTo(1.0);
    assertNothingElse();
  }

  @Test
  void keepsSimilarStoryFromTheSameSourceApart() {
    // given an agency story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when the same agency files a rewrite under a new id
    send(story("urn:agency:flood-rewrite", 1, "agency", FLOOD_COPY_HEADLINE, FLOOD_COPY_BODY));

    // then it is its own story: same-source corrections are versions, never near-duplicates
    EnrichedArticle rewrite = enriched.readValue();
    assertThat(rewrite.getDuplicateOf()).isNull();
    assertThat(rewrite.getStoryCluster()).isEqualTo("urn:agency:flood-rewrite");
    assertNothingElse();
  }

  @Test
  void keepsUnrelatedStoryFromAnotherSourceApart() {
    // given an agency story
    send(flood("urn:agency:flood", 1));
    enriched.readValue();

    // when another outlet publishes a different story
    send(story("urn:paper:budget", 1, "paper", BUDGET_HEADLINE, BUDGET_BODY));

    // then it is not a duplicate
    EnrichedArticle other = enriched.readValue();
    assertThat(other.getDuplicateOf()).isNull();
    assertThat(other.getStoryCluster()).isEqualTo("urn:paper:budget");
    assertNothingElse();
  }

  @Test
  void newVersionOfOriginalStaysTheOriginalOfItsCopy() {
    // given an agency story and a syndicated copy of it
    send(flood("urn:agency:flood", 1));
    send(story("urn:paper:italy-floods", 1, "paper", FLOOD_COPY_HEADLINE, FLOOD_COPY_BODY));
    assertThat(enriched.readValuesToList()).hasSize(2);

    // when the agency updates its story
    send(story("urn:agency:flood", 2, "agency", FLOOD_HEADLINE, FLOOD_BODY + "\n\nUpdates with rail line."));

    // then the update is not taken for a copy of the copy
    EnrichedArticle update = enriched.readValue();
    assertThat(update.getDuplicateOf()).isNull();
    assertThat(update.getStoryCluster()).isEqualTo("urn:agency:flood");
    assertNothingElse();
  }

  @Test
  void indexesStoryInAnotherLanguageWithoutEnglishModels() {
    // given a French story delivered without a language tag
    RawArticle french = RawArticle.newBuilder(story("urn:agency:crues", 1, "agency",
            "Des milliers de personnes évacuées après des crues en Italie",
            "Les secours ont évacué mardi plus de 5 000 personnes en Émilie-Romagne après deux jours de pluies "
                + "torrentielles qui ont fait déborder les rivières et coupé des dizaines de villages."))
        .setLanguage(null).build();

    // when it arrives
    send(french);

    // then it is enriched with its language and metadata only: no entity or stance step ran
    EnrichedArticle out = enriched.readValue();
    assertThat(out.getLanguage()).isEqualTo("fr");
    assertThat(out.getSteps()).containsExactly("language");
    assertThat(tagged).isEmpty();
    assertNothingElse();
  }

  private void send(RawArticle article) {
    raw.pipeInput(article.getId(), article, NOW);
  }

  private KeyAndJson readDuplicate() {
    var record = duplicates.readKeyValue();
    try {
      return new KeyAndJson(record.key, Json.mapper().readTree(record.value));
    } catch (java.io.IOException e) {
      throw new AssertionError("news.duplicates value is not JSON: " + record.value, e);
    }
  }

  private double duplicatesCounted(String kind) {
    Counter counter = metrics.find(MetricNames.DUPLICATES).tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }

  private double droppedLateVersions() {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(VersionGate.DROPPED_OPERATION + "-total"))
        .map(e -> (Metric) e.getValue())
        .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
        .sum();
  }

  private void assertNothingElse() {
    assertThat(enriched.isEmpty()).as("nothing else enriched").isTrue();
    assertThat(duplicates.isEmpty()).as("nothing else recorded as duplicate").isTrue();
  }

  private record KeyAndJson(String key, JsonNode json) {}
}

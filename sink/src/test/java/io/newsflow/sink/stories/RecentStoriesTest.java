package io.newsflow.sink.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.sink.SinkTopology;
import io.newsflow.sink.alerts.Stories;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentStoriesTest {

  static final String EVIDENCE = "Poland and Greece are hesitant to commit troops.";

  @TempDir
  Path stateDir;

  TopologyTestDriver driver;
  TestInputTopic<String, EnrichedArticle> enriched;
  RecentStories stories;

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(new SinkTopology(new SubscriptionIndex(), Clock.systemUTC(),
        new SimpleMeterRegistry(), 3).build(), props);
    enriched = driver.createInputTopic(Topics.ENRICHED.name(), Serdes.String().serializer(),
        Topics.ENRICHED.valueSerde().serializer());
    KeyValueStore<String, String> store = driver.getKeyValueStore(RecentStoriesTopology.STORE);
    stories = new RecentStories(() -> store);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void keepsTheLastStoriesOfThePartitionNewestFirstAndDropsTheOldest() {
    for (int i = 1; i <= 5; i++) {
      enriched.pipeInput("story-" + i, Stories.story("story-" + i).text("Headline " + i, "Body " + i + ".").build());
    }

    JsonNode list = stories.list(StoryFilter.NONE, 50);

    assertThat(list.path("kept").asInt()).isEqualTo(3);
    assertThat(ids(list)).containsExactlyInAnyOrder("story-3", "story-4", "story-5");
    assertThat(stories.story("story-1")).isEmpty();
  }

  @Test
  void filtersByEntityAndByStanceHolderWithPolarity() {
    enriched.pipeInput("poland", Stories.story("poland").text("Poland hesitates", EVIDENCE)
        .entity("Q36", "Poland", EntityType.LOCATION, "Poland")
        .stance("Q36", "Poland", Polarity.HESITANT, "commit troops", EVIDENCE).build());
    enriched.pipeInput("france", Stories.story("france").text("France agrees", "France agreed to take part.")
        .entity("Q142", "France", EntityType.LOCATION, "France").build());

    assertThat(ids(stories.list(new StoryFilter("q36", null, null, null, null), 50)))
        .containsExactly("poland");
    assertThat(ids(stories.list(new StoryFilter(null, "Poland", "HESITANT", null, null), 50)))
        .containsExactly("poland");
    assertThat(stories.list(new StoryFilter(null, "Poland", "SUPPORT", null, null), 50).path("matching").asInt())
        .isZero();
    assertThat(stories.list(new StoryFilter(null, null, null, "fr", null), 50).path("matching").asInt()).isZero();
  }

  private static java.util.List<String> ids(JsonNode list) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    list.path("stories").forEach(s -> ids.add(s.path("id").asText()));
    return ids;
  }

  @Test
  void keepsTheVersionsSeenIgnoresAnOlderOneAndForgetsAKilledStory() {
    enriched.pipeInput("s", Stories.story("s").version(2).text("Second", "Two.").build());
    enriched.pipeInput("s", Stories.story("s").version(1).text("First", "One.").build());
    enriched.pipeInput("s", Stories.story("s").version(3).text("Third", "Three.").build());

    JsonNode story = stories.story("s").orElseThrow();
    assertThat(story.path("document").path("headline").asText()).isEqualTo("Third");
    assertThat(story.path("versions").findValuesAsText("version")).containsExactly("3", "2");

    enriched.pipeInput("s", Stories.story("s").version(4).status(PubStatus.CANCELED).text("Killed", "").build());
    assertThat(stories.story("s")).isEmpty();
    assertThat(stories.list(StoryFilter.NONE, 50).path("kept").asInt()).isZero();
  }
}

package io.newsflow.sink.alerts;

import static io.newsflow.sink.alerts.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EntityType;
import io.newsflow.sink.alerts.matching.StoryFacts;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

  final SubscriptionIndex index = new SubscriptionIndex();

  @Test
  void offersOnlySubscriptionsThatShareAKeyWithTheStory() {
    // given
    put("poland", "{\"entities\": [\"Q36\"]}");
    put("poland-by-name", "{\"entities\": [\"poland\"], \"language\": \"de\"}");
    put("troops", "{\"keywords\": [\"commit troops\"]}");
    put("holder", "{\"stance\": {\"holder\": \"Q36\"}}");
    put("elsewhere", "{\"entities\": [\"Q30\"]}");
    put("tariffs", "{\"keywords\": [\"tariffs\"]}");
    put("urgent-only", "{\"minUrgency\": 1}");
    StoryFacts story = StoryFacts.of(story("s").text("Poland", "Poland is hesitant to commit troops.")
        .entity("Q36", "Poland", EntityType.LOCATION, "Poland").build());

    // when
    var candidates = index.candidates(story).stream().map(Subscription::id).toList();

    // then
    assertThat(candidates).containsExactlyInAnyOrder("poland", "poland-by-name", "troops", "holder", "urgent-only");
  }

  @Test
  void forgetsTheOldKeysWhenASubscriptionIsReplacedOrRemoved() {
    // given
    put("sub", "{\"keywords\": [\"troops\"]}");
    put("sub", "{\"keywords\": [\"tariffs\"]}");
    StoryFacts troops = StoryFacts.of(story("s").text("Troops", "More troops were sent.").build());
    StoryFacts tariffs = StoryFacts.of(story("t").text("Tariffs", "New tariffs were announced.").build());

    // when
    var afterReplace = index.candidates(troops);
    index.remove("sub");
    var afterRemove = index.candidates(tariffs);

    // then
    assertThat(afterReplace).isEmpty();
    assertThat(afterRemove).isEmpty();
    assertThat(index.size()).isZero();
  }

  private void put(String id, String json) {
    index.put(SubscriptionJson.parseRequest(json.getBytes(StandardCharsets.UTF_8), id, "team", Instant.EPOCH,
        "generated-secret-0123456789"));
  }
}

package io.newsflow.sink.alerts;

import static io.newsflow.sink.alerts.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import io.newsflow.sink.alerts.matching.Matcher;
import io.newsflow.sink.alerts.matching.StoryFacts;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Candidate;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Entity names resolved to ids when the subscription was created match by id; the others by name. */
class ResolvedEntityMatchingTest {

  static final String BODY = "The Polish government is hesitant to commit troops. Warsaw said so on Friday.";

  /** What the dictionary would answer for the names these tests use. */
  static final EntityResolver DICTIONARY = (c, types) -> switch (c.given()) {
    case "Polska", "Poland" -> new EntityCriterion(c.given(), Resolution.RESOLVED, "Q36", "Poland", EntityType.LOCATION,
        List.of());
    case "Georgia" -> new EntityCriterion(c.given(), Resolution.AMBIGUOUS, null, null, null, List.of(
        new Candidate("Q230", "Georgia", EntityType.LOCATION, "country"),
        new Candidate("Q1428", "Georgia", EntityType.LOCATION, "admin1")));
    default -> c;
  };

  @Test
  void aResolvedNameMatchesAnEntityWithItsIdWhateverTheEntityIsCalledInTheStory() {
    // given: the linker put "the Polish government" under Q36, named as written
    EnrichedArticle story = story("s1").text("Poland wavers", BODY)
        .entity("Q36", "Polish government", EntityType.ORGANIZATION, "Polish government").build();

    // when / then
    assertThat(matches(resolved("{\"entities\": [\"Polska\"]}"), story)).isTrue();
    // the same name unresolved matches only by name, and misses it
    assertThat(matches(unresolved("{\"entities\": [\"Polska\"]}"), story)).isFalse();
  }

  @Test
  void aResolvedNameDoesNotMatchAnotherIdentityOfTheSameName() {
    // given: a story about a company linked to its own id, mentioned as "Poland"
    EnrichedArticle story = story("s2").text("Poland Spring recalls bottles", "Poland is recalling bottles.")
        .entity("Q7209140", "Poland Spring", EntityType.ORGANIZATION, "Poland").build();

    // when / then
    assertThat(matches(resolved("{\"entities\": [\"Poland\"]}"), story)).isFalse();
    assertThat(matches(unresolved("{\"entities\": [\"Poland\"]}"), story)).isTrue();
  }

  @Test
  void aResolvedNameStillMatchesAnEntityTheLinkerLeftUnlinked() {
    // given
    EnrichedArticle story = story("s3").text("Polska", "Polska said no on Friday.")
        .entity("local:location:polska", "Polska", EntityType.LOCATION, "Polska").build();

    // when / then
    assertThat(matches(resolved("{\"entities\": [\"Polska\"]}"), story)).isTrue();
  }

  @Test
  void anAmbiguousNameMatchesByName() {
    // given
    EnrichedArticle country = story("s4").text("Georgia votes", "Georgia voted on Sunday.")
        .entity("Q230", "Georgia", EntityType.LOCATION, "Georgia").build();
    EnrichedArticle state = story("s5").text("Georgia votes", "Georgia voted on Sunday.")
        .entity("Q1428", "Georgia", EntityType.LOCATION, "Georgia").build();

    // when
    Subscription georgia = resolved("{\"entities\": [\"Georgia\"]}");

    // then
    assertThat(georgia.entities().get(0).resolution()).isEqualTo(Resolution.AMBIGUOUS);
    assertThat(matches(georgia, country)).isTrue();
    assertThat(matches(georgia, state)).isTrue();
  }

  @Test
  void aResolvedStanceHolderMatchesTheHolderId() {
    // given
    EnrichedArticle story = story("s6").text("Poland wavers", BODY)
        .entity("Q36", "Polish government", EntityType.ORGANIZATION, "Polish government")
        .stance("Q36", "Polish government", Polarity.HESITANT, "commit troops", "The Polish government is hesitant")
        .build();
    String request = "{\"stance\": {\"holder\": \"Polska\", \"polarities\": [\"HESITANT\"]}}";

    // when / then
    assertThat(matches(resolved(request), story)).isTrue();
    assertThat(matches(unresolved(request), story)).isFalse();
  }

  @Test
  void keepsTheResolutionThroughTheSubscriptionsTopic() {
    // given
    Subscription created = resolved("{\"entities\": [\"Polska\", \"Georgia\", \"Q41\"], \"stance\": {\"holder\": \"Polska\"}}");

    // when
    Subscription stored = SubscriptionJson.fromStored(SubscriptionJson.toStored(created));

    // then
    assertThat(stored.entities()).isEqualTo(created.entities());
    assertThat(stored.stance().holder()).isEqualTo(created.stance().holder());
  }

  @Test
  void readsASubscriptionStoredBeforeNamesWereResolvedAsMatchedByName() {
    // given: the record value an earlier sink wrote
    String old = """
        {"id":"s-old","owner":"team","name":null,"entities":["Poland","Q41"],"entityTypes":[],
         "stance":{"holder":"Poland","polarities":["HESITANT"],"target":null},"keywords":[],"language":null,
         "source":null,"minUrgency":null,"webhook":null,"createdAt":"2026-03-27T10:00:00Z"}""";

    // when
    Subscription s = SubscriptionJson.fromStored(old);

    // then
    assertThat(s.entities()).extracting(EntityCriterion::resolution).containsExactly(Resolution.UNRESOLVED, Resolution.ID);
    assertThat(s.stance().holder().resolution()).isEqualTo(Resolution.UNRESOLVED);
  }

  private static boolean matches(Subscription s, EnrichedArticle story) {
    // through the index, as the matcher finds its candidates
    SubscriptionIndex index = new SubscriptionIndex();
    index.put(s);
    StoryFacts facts = StoryFacts.of(story);
    return index.candidates(facts).stream().anyMatch(c -> Matcher.match(c, facts).isPresent());
  }

  private static Subscription resolved(String request) {
    return unresolved(request).resolved(DICTIONARY);
  }

  private static Subscription unresolved(String request) {
    return SubscriptionJson.parseRequest(request.getBytes(StandardCharsets.UTF_8), "s", "team", Instant.EPOCH, "secret");
  }
}

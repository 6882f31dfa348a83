package io.newsflow.ingest.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.stories.StoryView.Decision;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryViewTest {

  private final StoryView view = new StoryView();

  @Test
  void leavesAStoryItDoesNotKnowToEnrich() {
    // given an empty view (just started, or enrich has not seen the story)
    // when any source sends any version
    StoryView.Claim claim = view.decide(article("urn:a:1", 3, "agency-b", "text"), true);

    // then it is published as it is
    assertThat(claim.decision()).isEqualTo(Decision.NEW);
    assertThat(claim.version()).isEqualTo(3);
  }

  @Test
  void refusesEveryWriteOfAnotherSourceToAStoryItKnows() {
    // given agency-a owns a story
    view.update("urn:a:1", new StoryView.State("agency-a", 1, digest("text"), false));

    // when agency-b updates it, kills it, or sends it without a version
    RawArticle kill = article("urn:a:1", 2, "agency-b", "kill");
    kill.setPubStatus(PubStatus.CANCELED);

    // then each is refused, naming the owner
    assertThat(view.decide(article("urn:a:1", 2, "agency-b", "FORGED"), true).decision()).isEqualTo(Decision.NOT_OWNER);
    assertThat(view.decide(kill, true).decision()).isEqualTo(Decision.NOT_OWNER);
    assertThat(view.decide(article("urn:a:1", 1, "agency-b", "text"), false).owner()).isEqualTo("agency-a");
    // and the owner still updates it
    assertThat(view.decide(article("urn:a:1", 2, "agency-a", "new text"), true).decision()).isEqualTo(Decision.NEW);
  }

  @Test
  void answersResendsConflictsAndKillsOfTheLatestVersion() {
    // given version 2 of a story is known
    view.update("urn:a:1", new StoryView.State("agency-a", 2, digest("text"), false));
    RawArticle kill = article("urn:a:1", 2, "agency-a", "withdrawn");
    kill.setPubStatus(PubStatus.CANCELED);

    // then a resend is a duplicate, other text under the same version a conflict, a kill of it passes,
    // and an older version is left to enrich (recorded there as an old version)
    assertThat(view.decide(article("urn:a:1", 2, "agency-a", "text"), true).decision()).isEqualTo(Decision.DUPLICATE);
    assertThat(view.decide(article("urn:a:1", 2, "agency-a", "other"), true).decision()).isEqualTo(Decision.CONFLICT);
    assertThat(view.decide(kill, true).decision()).isEqualTo(Decision.NEW);
    assertThat(view.decide(article("urn:a:1", 1, "agency-a", "old"), true).decision()).isEqualTo(Decision.NEW);
  }

  @Test
  void numbersChangedTextOfAStoryThatStatesNoVersion() {
    // given an RSS entry known at version 4
    view.update("g1", new StoryView.State("wire", 4, digest("text"), false));
    RawArticle changed = article("g1", 1, "wire", "corrected text");

    // when it comes again unchanged, then changed
    StoryView.Claim same = view.decide(article("g1", 1, "wire", "text"), false);
    StoryView.Claim next = view.decide(changed, false);

    // then
    assertThat(same.decision()).isEqualTo(Decision.DUPLICATE);
    assertThat(same.version()).isEqualTo(4);
    assertThat(next.decision()).isEqualTo(Decision.NEW);
    assertThat(changed.getVersion()).isEqualTo(5);
  }

  @Test
  void forgetsAStoryOnATombstone() {
    view.update("urn:a:1", new StoryView.State("agency-a", 1, digest("text"), false));
    view.update("urn:a:1", null);
    assertThat(view.find("urn:a:1")).isEmpty();
    assertThat(view.stories()).isZero();
  }

  private static RawArticle article(String id, long version, String source, String text) {
    return RawArticle.newBuilder().setId(id).setVersion(version).setSource(source).setFormat(SourceFormat.JSON)
        .setPubStatus(PubStatus.USABLE).setHeadline("H").setBody(text).setReceived(Instant.parse("2026-12-04T08:00:00Z"))
        .setContentType("application/json").setOriginalDigest("x").setTextDigest(digest(text)).build();
  }

  private static String digest(String text) {
    return "digest-of-" + text;
  }
}

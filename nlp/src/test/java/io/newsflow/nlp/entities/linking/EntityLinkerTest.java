package io.newsflow.nlp.entities.linking;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.entities.coref.MentionCluster;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The linker on a small made-up knowledge base: places, teams named after them, a person. */
class EntityLinkerTest {

  private static final SportContext BASEBALL = SportContext.of("BASEBALL - the pitcher threw eight innings");
  private static final SportContext CRICKET = SportContext.of("CRICKET - the batsman was bowled, six wickets down");

  private static EntityLinker linker;

  @BeforeAll
  static void smallKnowledgeBase() throws IOException {
    String compiled = String.join("\n",
        "E\tQ1\tLOCATION\tcountry\tRuritania\tQ1\t1.000\t",
        "E\tQ2\tLOCATION\tadmin1\tStrelsau\tQ1\t0.900\t",
        "E\tQ3\tLOCATION\tcity\tStrelsau\tQ1\t0.750\t",
        "E\tQ4\tLOCATION\tcity\tZenda\tQ1\t0.800\t",
        "E\tQ10\tORGANIZATION\tteam:baseball\tZenda Kings\t\t0.400\tKings",
        "E\tQ11\tORGANIZATION\tteam:baseball\tStrelsau Reds\t\t0.400\t",
        "E\tQ12\tORGANIZATION\tteam:baseball\tStrelsau Blues\t\t0.400\t",
        "E\tQ13\tORGANIZATION\tteam:hockey\tZenda Wolves\t\t0.400\t",
        "E\tQ14\tORGANIZATION\tteam:baseball\tTarlenheim Pilots\t\t0.400\tZenda Pilots",
        "E\tQ20\tPERSON\tperson\tRudolf Rassendyll\t\t0.400\t") + "\n";
    KnowledgeBase kb = KnowledgeBase.load(new ByteArrayInputStream(compiled.getBytes(StandardCharsets.UTF_8)), null);
    linker = new EntityLinker(kb);
  }

  @Test
  void aPlaceNamedInABaseballStoryIsItsBaseballTeam() {
    // given "Zenda" names a city, a baseball team, a hockey team and (once) another baseball team
    // when
    Optional<Link> link = linker.link(cluster("Zenda", EntityType.ORGANIZATION), null, BASEBALL, false);
    // then the team with Zenda in its own name, of the story's sport
    assertThat(link).get().extracting(l -> l.entry().id()).isEqualTo("Q10");
  }

  @Test
  void aPlaceWithTwoTeamsOfTheSportStaysUnlinkedRatherThanBecomingThePlace() {
    // given Strelsau has two baseball teams
    // when
    Optional<Link> asOrg = linker.link(cluster("Strelsau", EntityType.ORGANIZATION), null, BASEBALL, false);
    Optional<Link> asPlace = linker.link(cluster("STRELSAU", EntityType.LOCATION), null, BASEBALL, false);
    // then
    assertThat(asOrg).isEmpty();
    assertThat(asPlace).isEmpty();
  }

  @Test
  void outsideSportsStoriesThePlaceIsThePlace() {
    // when
    Optional<Link> link = linker.link(cluster("Zenda", EntityType.LOCATION), null, SportContext.NONE, false);
    // then
    assertThat(link).get().extracting(l -> l.entry().id()).isEqualTo("Q4");
  }

  @Test
  void aCountryInASportsStoryWithoutItsTeamInTheKnowledgeBaseStaysUnlinked() {
    // given no Ruritanian cricket team is known
    // when
    Optional<Link> link = linker.link(cluster("Ruritania", EntityType.LOCATION), null, CRICKET, false);
    // then a national team, not the country: left unlinked
    assertThat(link).isEmpty();
  }

  @Test
  void aDatelineNamesTheCityRatherThanTheRegionOfTheSameName() {
    // given Strelsau is a region (higher prior) and a city
    // when
    Optional<Link> inText = linker.link(cluster("Strelsau", EntityType.LOCATION), null, SportContext.NONE, false);
    Optional<Link> dateline = linker.link(cluster("STRELSAU", EntityType.LOCATION), null, SportContext.NONE, true);
    // then
    assertThat(inText).get().extracting(l -> l.entry().id()).isEqualTo("Q2");
    assertThat(dateline).get().extracting(l -> l.entry().id()).isEqualTo("Q3");
  }

  @Test
  void aPersonWhoOnlySoundsLikeSomeoneWithoutAnOfficeIsNotLinked() {
    // given Rudolf Rassendyll holds no office in the knowledge base
    // when
    Optional<Link> garbled = linker.link(cluster("Rudolph Rasendyl", EntityType.PERSON), null);
    Optional<Link> exact = linker.link(cluster("Rudolf Rassendyll", EntityType.PERSON), null);
    // then the exact name links, a look-alike does not
    assertThat(garbled).isEmpty();
    assertThat(exact).get().extracting(l -> l.entry().id()).isEqualTo("Q20");
  }

  private static MentionCluster cluster(String name, EntityType type) {
    return new MentionCluster(new Mention(TextField.BODY, 0, name.length(), name, type, null));
  }
}

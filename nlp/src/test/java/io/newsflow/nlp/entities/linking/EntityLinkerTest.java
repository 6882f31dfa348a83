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

/** The linker on a small made-up knowledge base: places, teams named after them, persons with and without offices. */
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
        "E\tQ20\tPERSON\tperson\tRudolf Rassendyll\t\t0.400\t",
        "E\tQ30\tPERSON\tperson\tMichael Flavia\tQ1\t0.400\t",
        "R\tQ30\tmember of the ruritanian parliament\tlegislator\tQ1\t1990-01-01\t",
        "E\tQ31\tPERSON\tperson\tSteven Marshall\tQ1\t0.450\t",
        "R\tQ31\tpresident of ruritania\thead_of_state\tQ1\t1990-01-01\t",
        "E\tQ32\tPERSON\tperson\tOskar Sapt\tQ1\t0.450\t",
        "R\tQ32\tpresident of strelsau\thead_of_state\tQ1\t1990-01-01\t",
        "E\tQ40\tLOCATION\tcity\tMoi\tQ1\t0.400\tEU",
        "E\tQ41\tORGANIZATION\tintl-org\tEuropean Union\t\t0.800\tEU") + "\n";
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

  @Test
  void aGarbledNameLinksALeaderOnlyWhenItsGivenNameIsSpeltAlike() {
    // given Steven Marshall is the head of state of Ruritania
    // when
    Optional<Link> garbled = linker.link(cluster("Stephen Marshal", EntityType.PERSON), null);
    Optional<Link> namesake = linker.link(cluster("Justin Marshall", EntityType.PERSON), null);
    // then a misspelling is him, another man of the same family name is not
    assertThat(garbled).get().extracting(l -> l.entry().id()).isEqualTo("Q31");
    assertThat(namesake).isEmpty();
  }

  @Test
  void aRegionsHeadIsNoLeaderToLinkALoneFamilyNameTo() {
    // given Oskar Sapt heads the region of Strelsau, Steven Marshall the country
    // when
    Optional<Link> regional = linker.link(cluster("Sapt", EntityType.PERSON), null);
    Optional<Link> national = linker.link(cluster("Marshall", EntityType.PERSON), null);
    // then
    assertThat(regional).isEmpty();
    assertThat(national).get().extracting(l -> l.entry().id()).isEqualTo("Q31");
  }

  @Test
  void inASportsStoryALegislatorsExactNameIsSomeoneElse() {
    // given Michael Flavia is known only as a member of parliament
    // when
    Optional<Link> sport = linker.link(cluster("Michael Flavia", EntityType.PERSON), null, BASEBALL, false);
    Optional<Link> news = linker.link(cluster("Michael Flavia", EntityType.PERSON), null, SportContext.NONE, false);
    // then the pitcher of that name is not the legislator; in other news he is
    assertThat(sport).isEmpty();
    assertThat(news).get().extracting(l -> l.entry().id()).isEqualTo("Q30");
  }

  @Test
  void aPlaceWithTheNameOnlyAsAnAliasDoesNotStopTheOrganisation() {
    // given the town of Moi is also called "EU"
    // when
    Optional<Link> link = linker.link(cluster("EU", EntityType.ORGANIZATION), null);
    // then
    assertThat(link).get().extracting(l -> l.entry().id()).isEqualTo("Q41");
  }

  @Test
  void aLinkByNameAndPopularityNeedsMoreConfidenceThanOneByOfficeOrLikeness() {
    // given
    Link byName = new Link(null, 0.75, "name");
    Link byLikeness = new Link(null, 0.65, "sound-alike");
    // then
    assertThat(EntityLinker.confident(byName)).isFalse();
    assertThat(EntityLinker.confident(byLikeness)).isTrue();
    assertThat(EntityLinker.confident(new Link(null, EntityLinker.NAME_THRESHOLD, "exact-name"))).isTrue();
  }

  private static MentionCluster cluster(String name, EntityType type) {
    return new MentionCluster(new Mention(TextField.BODY, 0, name.length(), name, type, null));
  }
}

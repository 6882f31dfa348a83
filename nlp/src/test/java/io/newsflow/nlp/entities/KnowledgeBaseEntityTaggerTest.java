package io.newsflow.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.entities.coref.MentionCluster;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.entities.linking.LinkFeatures;
import io.newsflow.nlp.entities.linking.LinkRanker;
import io.newsflow.nlp.entities.recognition.NameRecognizer;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeBaseEntityTaggerTest {

  @Test
  void aFamilyNameAfterTheFullNameIsTheSamePersonAndHeadlineMentionsComeFirst() {
    // given
    String headline = "Macron calls for European defence";
    String body = "Emmanuel Macron said on Friday that Europe must spend more. Macron spoke in Berlin.";
    // when
    List<Entity> entities = TaggerFixture.tag(headline, body, LocalDate.of(2024, 5, 10));
    // then
    Entity macron = TaggerFixture.find(entities, EntityType.PERSON, "Emmanuel Macron").orElseThrow();
    assertThat(macron.mentions()).extracting(TextSpan::field)
        .containsExactly(TextField.HEADLINE, TextField.BODY, TextField.BODY);
    assertThat(macron.mentions()).extracting(TextSpan::text).containsExactly("Macron", "Emmanuel Macron", "Macron");
    assertThat(entities.get(0)).isEqualTo(macron); // most salient: headline and three mentions
  }

  @Test
  void demonymsAreLinkedToTheirCountry() {
    // given
    String body = "Spanish and Polish officials met their Canadian counterparts.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, null);
    // then
    assertThat(TaggerFixture.withMention(entities, "Spanish")).get()
        .satisfies(e -> {
          assertThat(e.type()).isEqualTo(EntityType.MISC);
          assertThat(e.id()).isEqualTo("Q29");
        });
    assertThat(TaggerFixture.withMention(entities, "Canadian")).get().extracting(Entity::id).isEqualTo("Q16");
  }

  @Test
  void officeTitlesWithoutACountryStillLinkAKnownHolder() {
    // given
    String body = "After a call with President Trump, the ministers issued a statement.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(2025, 4, 1));
    // then
    assertThat(TaggerFixture.withMention(entities, "Trump")).get().extracting(Entity::id).isEqualTo("Q22686");
  }

  @Test
  void aTitleTheRecogniserTookIntoAPersonsNameIsLeftOutOfTheName() {
    // given a recogniser that reads "President Trump" as one person's name
    String body = "After a call with President Trump, the ministers issued a statement.";
    KnowledgeBaseEntityTagger tagger = withRecognizer(
        new Mention(TextField.BODY, 18, 33, "President Trump", EntityType.PERSON, null));
    // when
    List<Entity> entities = tagger.tag(new ArticleText("", body, "en", LocalDate.of(2025, 4, 1)));
    // then
    assertThat(entities).flatExtracting(Entity::mentions).extracting(TextSpan::text).containsExactly("Trump");
    assertThat(entities.get(0).id()).isEqualTo("Q22686");
  }

  @Test
  void aTitleInsideAnOrganisationsNameStaysInIt() {
    // given
    String body = "The delegates stayed at the President Wilson Hotel in Geneva.";
    KnowledgeBaseEntityTagger tagger = withRecognizer(
        new Mention(TextField.BODY, 28, 50, "President Wilson Hotel", EntityType.ORGANIZATION, null));
    // when
    List<Entity> entities = tagger.tag(new ArticleText("", body, "en", null));
    // then
    assertThat(entities).flatExtracting(Entity::mentions).extracting(TextSpan::text)
        .containsExactly("President Wilson Hotel");
  }

  @Test
  void aRankerThatTrustsTheRulesLinksWhatTheyLinkAndOneThatTrustsNothingLinksNothing() {
    // given
    String body = "Angela Merkel met Emmanuel Macron in Paris on Monday.";
    ArticleText article = new ArticleText("", body, "en", LocalDate.of(2019, 5, 6));
    KnowledgeBaseEntityTagger tagger = TaggerFixture.tagger();
    LinkRanker trustsRules = new LinkRanker(Map.of("bias", -5.0, "rule.pick", 10.0), 0.5, List.of("test"));
    LinkRanker trustsNothing = trustsRules.withThreshold(1.0);
    // when
    List<Entity> rules = tagger.withRanker(null).tag(article);
    List<Entity> ranked = tagger.withRanker(trustsRules).tag(article);
    List<Entity> none = tagger.withRanker(trustsNothing).tag(article);
    // then
    assertThat(rules).extracting(Entity::id).contains("Q567", "Q3052772", "Q90");
    assertThat(ranked).extracting(Entity::id).containsExactlyInAnyOrderElementsOf(
        rules.stream().map(Entity::id).toList());
    assertThat(none).noneMatch(Entity::linked);
  }

  @Test
  void everyClusterIsOfferedTheRulesChoiceAndTheIdentitiesWithItsName() {
    // given
    String body = "Officials in Paris said talks would resume.";
    // when
    List<KnowledgeBaseEntityTagger.LinkingCase> cases = TaggerFixture.tagger()
        .linkingCases(new ArticleText("", body, "en", null));
    // then
    KnowledgeBaseEntityTagger.LinkingCase paris = cases.stream()
        .filter(c -> c.cluster().fullest().text().equals("Paris")).findFirst().orElseThrow();
    assertThat(paris.rule().entry().id()).isEqualTo("Q90");
    assertThat(paris.candidates()).extracting(e -> e.id()).contains("Q90", "geonames:4717560");
    assertThat(paris.features().length).isEqualTo(paris.candidates().size());
    assertThat(paris.features()[0].length).isEqualTo(LinkFeatures.NAMES.size());
    int pick = LinkFeatures.NAMES.indexOf("rule.pick");
    assertThat(paris.features()[paris.candidates().indexOf(paris.rule().entry())][pick]).isEqualTo(1.0);
  }

  /** The tagger over a recogniser that finds exactly the given names in the body. */
  private static KnowledgeBaseEntityTagger withRecognizer(Mention... names) {
    NameRecognizer fixed = new NameRecognizer() {
      @Override
      public List<Mention> recognise(TextField field, String text) {
        return field == TextField.BODY ? List.of(names) : List.of();
      }

      @Override
      public String modelVersion() {
        return "fixed names";
      }
    };
    return new KnowledgeBaseEntityTagger(fixed, TaggerFixture.tagger().knowledgeBase());
  }

  @Test
  void aNameNobodyKnowsIsKeptWithALocalIdRatherThanLinkedToALookAlike() {
    // given a person whose name resembles no one in the dictionary
    String body = "The company's founder, Tobias Quenneville-Artz, declined to comment.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, null);
    // then
    Entity founder = TaggerFixture.withMention(entities, "Tobias Quenneville-Artz").orElseThrow();
    assertThat(founder.linked()).isFalse();
    assertThat(founder.id()).startsWith("local:person:");
  }

  @Test
  void theWireSignOffIsTheNewsAgencyNotALookAlike() {
    // given a 1987 Reuters story, hard-wrapped, signed off on its last line
    String body = """
        Mobil Corp said it raised the posted price of West Texas
        Intermediate crude oil by 50 cts a barrel, effective today.
         Reuter""";
    // when
    List<Entity> entities = TaggerFixture.tag("MOBIL RAISES CRUDE PRICE", body, LocalDate.of(1987, 3, 2));
    // then the sign-off is linked to the agency (it once sounded like the Rutter's store chain)
    assertThat(TaggerFixture.withMention(entities, "Reuter")).get().extracting(Entity::id).isEqualTo("Q130879");
  }

  @Test
  void aCompanysLegalNameShortFormsAndStockSymbolAreOneEntity() {
    // given a 1987 wire story: symbol in the headline, legal name split by a line break, short forms later
    String body = """
        USAir Group Inc said Piedmont Aviation
        Inc has agreed to be acquired for 69 dlrs per share.
            USAir said Piedmont has granted it an option to buy new shares.
         Reuter""";
    // when
    List<Entity> entities = TaggerFixture.tag("PIEDMONT <PIE> AGREES TO USAIR <U> BUYOUT", body,
        LocalDate.of(1987, 3, 9));
    // then
    Entity piedmont = TaggerFixture.withMention(entities, "Piedmont").orElseThrow();
    assertThat(piedmont.name()).isEqualTo("Piedmont Aviation Inc");
    assertThat(piedmont.mentions()).extracting(TextSpan::text).contains("PIE", "Piedmont");
    Entity usair = TaggerFixture.withMention(entities, "USAir Group Inc").orElseThrow();
    assertThat(usair.mentions()).extracting(TextSpan::text).contains("USAir");
    assertThat(entities).noneMatch(e -> e.name().equals("Inc") || e.name().endsWith(">"));
  }

  @Test
  void aCompanyTheBaseKnowsWithoutItsDesignatorIsLinked() {
    // when
    List<Entity> entities = TaggerFixture.tag("", "Magna International Inc said it would raise prices.",
        LocalDate.of(1996, 8, 22));
    // then
    assertThat(TaggerFixture.withMention(entities, "Magna International Inc")).get().extracting(Entity::id)
        .isEqualTo("Q697311");
  }

  @Test
  void aCompanyIsLookedUpByItsOtherFormsWhenItsLegalNameDoesNotLinkIt() {
    // given "Outokumpu Oy", also filed as an alias of the town, and "Degussa AG", an alias too weak alone
    String body = "Outokumpu Oy said it would sell its stake to Degussa AG. Outokumpu said the price was fair "
        + "and Degussa agreed.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(1987, 3, 9));
    // then
    assertThat(TaggerFixture.withMention(entities, "Outokumpu Oy")).get().extracting(Entity::id).isEqualTo("Q26694");
    assertThat(TaggerFixture.withMention(entities, "Degussa AG")).get().extracting(Entity::id).isEqualTo("Q4461132");
  }

  @Test
  void aOneWordPersonOnlyEverWrittenAfterInIsAPlace() {
    // given a cluster the recogniser typed as a person
    ArticleText article = new ArticleText("", "The leaders met in Bellevue on Thursday.", "en", null);
    MentionCluster cluster = new MentionCluster(
        new Mention(TextField.BODY, 19, 27, "Bellevue", EntityType.PERSON, null));
    // when
    KnowledgeBaseEntityTagger.retypePlacesTakenForPersons(cluster, article);
    // then
    assertThat(cluster.type()).isEqualTo(EntityType.LOCATION);
  }

  @Test
  void aOneWordPersonWrittenAsTheSubjectStaysAPerson() {
    // given
    ArticleText article = new ArticleText("", "Bellevue said the leaders met on Thursday.", "en", null);
    MentionCluster cluster = new MentionCluster(
        new Mention(TextField.BODY, 0, 8, "Bellevue", EntityType.PERSON, null));
    // when
    KnowledgeBaseEntityTagger.retypePlacesTakenForPersons(cluster, article);
    // then
    assertThat(cluster.type()).isEqualTo(EntityType.PERSON);
  }

  @Test
  void inASportsStoryAPlaceIsItsTeamButTheDatelineIsThePlace() {
    // given a baseball report written for this test: a dateline, then the city's team
    String body = "CLEVELAND 1996-08-22\nCleveland beat Boston 5-3 on Thursday as their pitcher allowed two hits "
        + "over eight innings and the shortstop homered in the ninth inning.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, null);
    // then
    Entity dateline = entities.stream()
        .filter(e -> e.mentions().stream().anyMatch(m -> m.start() == 0)).findFirst().orElseThrow();
    Entity team = entities.stream()
        .filter(e -> e.mentions().stream().anyMatch(m -> m.start() == 21)).findFirst().orElseThrow();
    assertThat(dateline.type()).isEqualTo(EntityType.LOCATION);
    assertThat(dateline.linked()).isTrue();
    assertThat(dateline.id()).isNotEqualTo("Q642553");
    assertThat(team.id()).isEqualTo("Q642553"); // Cleveland Indians
  }

  @Test
  void outsideSportsStoriesTheSamePlaceIsThePlace() {
    // given
    String body = "Cleveland voters approved a new school levy on Tuesday, the city council said.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, null);
    // then "Cleveland" is found, and it is not the baseball team
    assertThat(TaggerFixture.withMention(entities, "Cleveland")).isPresent();
    assertThat(entities).extracting(Entity::id).doesNotContain("Q642553");
  }

  @Test
  void aLoneFamilyNameTheModelTookForAPlaceIsThePersonNamedInFull() {
    // given a tennis report written for this test naming MaliVai Washington in full, then by family name
    String body = "MaliVai Washington reached the quarter-finals on Tuesday. Washington beat the seventh seed "
        + "in straight sets.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, null);
    // then both mentions are the one person
    Entity person = TaggerFixture.withMention(entities, "MaliVai Washington").orElseThrow();
    assertThat(person.type()).isEqualTo(EntityType.PERSON);
    assertThat(person.mentions()).extracting(m -> m.text()).contains("Washington");
  }
}

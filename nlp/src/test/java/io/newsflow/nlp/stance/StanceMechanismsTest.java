package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.Polarity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stance mechanism on stories other than the sample. */
class StanceMechanismsTest {

  private static final StanceTagger TAGGER = RuleStanceTagger.load();
  private static final EntityFixture NAMES = EntityFixture.entities()
      .place("Q20", "Norway", "Norway")
      .place("Q40", "Austria", "Austria")
      .place("Q29", "Spain", "Spain")
      .place("Q298", "Chile", "Chile")
      .place("Q419", "Peru", "Peru")
      .place("Q33", "Finland", "Finland")
      .place("Q28", "Hungary", "Hungary")
      .place("Q36", "Poland", "Poland")
      .place("Q159", "Russia", "Russia", "Moscow")
      .place("Q38", "Italy", "Italy")
      .org("Q130879", "Reuters", "Reuters")
      .org("local:org:acme", "Acme", "Acme")
      .person("local:person:anna-berg", "Anna Berg", "Anna Berg", "Berg")
      .person("local:person:anouk-de-vries", "Anouk de Vries", "Anouk de Vries")
      .person("local:person:jim-parr", "Jim Parr", "Jim Parr");

  @Test
  void willingToIsSupportWithTheComplementAsTarget() {
    List<Stance> stances = tag("Norway is willing to send two frigates to the mission.");
    assertThat(stances).singleElement().satisfies(s -> {
      assertThat(s.holder().id()).isEqualTo("Q20");
      assertThat(s.polarity()).isEqualTo(Polarity.SUPPORT);
      assertThat(s.target()).isEqualTo("send two frigates to the mission");
      assertThat(s.evidence().text()).isEqualTo("Norway is willing to send two frigates to the mission.");
    });
  }

  @Test
  void negatedSupportIsOpposition() {
    assertThat(tag("Austria is not willing to sign the treaty.")).extracting(Stance::polarity)
        .containsExactly(Polarity.OPPOSE);
  }

  @Test
  void hedgedSupportIsHesitant() {
    assertThat(tag("Spain may support the plan.")).extracting(Stance::polarity).containsExactly(Polarity.HESITANT);
  }

  @Test
  void supportUnlessAConditionIsMetIsHesitant() {
    assertThat(tag("Chile is ready to join unless the tariffs stay.")).extracting(Stance::polarity)
        .containsExactly(Polarity.HESITANT);
  }

  @Test
  void aCueInsideAnIfClauseIsNoPosition() {
    assertThat(tag("If Peru agrees to the deal, talks will resume.")).isEmpty();
  }

  @Test
  void aCallOnSomeoneElseIsNotTheirPosition() {
    assertThat(tag("Berg urged Italy to support the plan.")).isEmpty();
  }

  @Test
  void reportedPositionsNameTheirReporter() {
    List<Stance> stances = tag("Norway and Finland are reluctant to join the fund, Reuters reports.");
    assertThat(stances).extracting(s -> s.holder().id()).containsExactly("Q20", "Q33");
    assertThat(stances).allSatisfy(s -> {
      assertThat(s.polarity()).isEqualTo(Polarity.HESITANT);
      assertThat(s.reportedBy()).isEqualTo(new EntityRef("Q130879", "Reuters"));
    });
  }

  @Test
  void coordinatedHoldersAfterSuchAsShareTheStance() {
    List<Stance> stances = tag("Some members, such as Chile and Peru, have agreed to the plan, while Hungary is hesitant.");
    assertThat(stances).extracting(s -> s.holder().id() + " " + s.polarity())
        .containsExactlyInAnyOrder("Q298 SUPPORT", "Q419 SUPPORT", "Q28 HESITANT");
  }

  @Test
  void namedGroupsHoldStancesUnderALocalId() {
    assertThat(tag("The Nordic countries oppose the new rules.")).singleElement().satisfies(s -> {
      assertThat(s.holder().id()).isEqualTo("local:group:nordic-countries");
      assertThat(s.polarity()).isEqualTo(Polarity.OPPOSE);
    });
  }

  @Test
  void aHolderQuotedBySomeoneElseIsNotTheSpeaker() {
    List<Stance> stances = tag("“Hungary is reluctant to join the mission,” Anna Berg said.");
    assertThat(stances).singleElement().satisfies(s -> {
      assertThat(s.holder().id()).isEqualTo("Q28");
      assertThat(s.reportedBy().id()).isEqualTo("local:person:anna-berg");
    });
  }

  @Test
  void firstPersonInAQuoteIsTheSpeaker() {
    assertThat(tag("“We are ready to contribute ships,” Anna Berg said.")).singleElement().satisfies(s -> {
      assertThat(s.holder().id()).isEqualTo("local:person:anna-berg");
      assertThat(s.polarity()).isEqualTo(Polarity.SUPPORT);
      assertThat(s.reportedBy()).isNull();
    });
  }

  @Test
  void anAccusationIsTheSpeakersOppositionToTheAccused() {
    assertThat(tag("“Moscow is playing games with us,” Berg said.")).singleElement().satisfies(s -> {
      assertThat(s.holder().id()).isEqualTo("local:person:anna-berg");
      assertThat(s.polarity()).isEqualTo(Polarity.OPPOSE);
      assertThat(s.targetEntity()).isEqualTo(new EntityRef("Q159", "Russia"));
    });
  }

  @Test
  void aMinisterTitledWithHerCountrySpeaksForIt() {
    assertThat(tag("The Dutch foreign minister, Anouk de Vries, is cautious about the plan.")).singleElement()
        .satisfies(s -> {
          assertThat(s.holder().id()).isEqualTo("local:person:anouk-de-vries");
          assertThat(s.polarity()).isEqualTo(Polarity.HESITANT);
          assertThat(s.onBehalfOf()).isEqualTo(new EntityRef("Q55", "Netherlands"));
        });
  }

  @Test
  void aSenatorSpeaksOnlyForHimself() {
    assertThat(tag("Senator Jim Parr opposes the bill.")).singleElement()
        .satisfies(s -> assertThat(s.onBehalfOf()).isNull());
  }

  @Test
  void aNameAfterAPrepositionIsNotTheHolder() {
    assertThat(tag("Diplomats in Poland welcomed the plan.")).isEmpty();
  }

  @Test
  void aCueGovernedByAnotherBelongsToIt() {
    assertThat(tag("Italy hesitated to agree on the plan.")).extracting(Stance::polarity)
        .containsExactly(Polarity.HESITANT);
  }

  @Test
  void aNounIsNotAPosition() {
    assertThat(tag("Acme won without the support of Spain and plans an appeal.")).isEmpty();
  }

  @Test
  void pronounSubjectsResolveToTheNearestFittingHolder() {
    List<Stance> stances = tag("Anna Berg met the press. She said she was reluctant to sign. "
        + "Peru implied that it is ready to sign.");
    assertThat(stances).extracting(s -> s.holder().id() + " " + s.polarity())
        .containsExactly("local:person:anna-berg HESITANT", "Q419 SUPPORT");
  }

  private static List<Stance> tag(String body) {
    ArticleText text = new ArticleText("", body, "en", null);
    return TAGGER.tag(text, NAMES.in(text)).stances();
  }
}

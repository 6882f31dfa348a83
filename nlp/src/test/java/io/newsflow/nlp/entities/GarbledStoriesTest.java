package io.newsflow.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stories written for these tests, garbled the way machine translation garbles names, about other people
 * and countries than the sample: the same mechanisms (office on the date, sound-alike matching, title
 * context, in-story coreference) must carry them.
 */
class GarbledStoriesTest {

  @Test
  void aSoundAlikeSpellingOfAPresidentIsLinkedAndGroupedWithLaterMentions() {
    // given
    String body = "French President Emanuel Makron hosted European leaders at a summit in Paris on Monday.\n\n"
        + "Makron told reporters that the talks had been difficult.";
    // when
    List<Entity> entities = TaggerFixture.tag("Summit in Paris", body, LocalDate.of(2024, 3, 4));
    // then
    Entity macron = TaggerFixture.withMention(entities, "Emanuel Makron").orElseThrow();
    assertThat(macron.id()).isEqualTo("Q3052772");
    assertThat(macron.name()).isEqualTo("Emmanuel Macron");
    assertThat(macron.mentions()).extracting(TextSpan::text).containsExactly("Emanuel Makron", "Makron");
  }

  @Test
  void aMisspelledTurkishPresidentIsFoundThroughHisTitleAndName() {
    // given
    String body = "Turkish President Recep Tayip Erdogan said on Tuesday that Ankara would not accept the plan.\n\n"
        + "Erdogan spoke after a cabinet meeting.";
    // when
    List<Entity> entities = TaggerFixture.tag("Turkey rejects plan", body, LocalDate.of(2023, 9, 12));
    // then
    Entity erdogan = TaggerFixture.withMention(entities, "Recep Tayip Erdogan").orElseThrow();
    assertThat(erdogan.id()).isEqualTo("Q39259");
    assertThat(erdogan.mentions()).extracting(TextSpan::text).contains("Erdogan");
    assertThat(TaggerFixture.withMention(entities, "Turkey")).get().extracting(Entity::id).isEqualTo("Q43");
  }

  @Test
  void theTitleOfAnOfficeOnTheArticlesDatePicksItsHolder() {
    // given a garbled name of Japan's prime minister in 2022
    String body = "The Prime Minister of Japan, Fumio Kishda, met the Australian Prime Minister in Tokyo.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(2022, 5, 24));
    // then
    Entity kishida = TaggerFixture.withMention(entities, "Fumio Kishda").orElseThrow();
    assertThat(kishida.type()).isEqualTo(EntityType.PERSON);
    assertThat(kishida.id()).isEqualTo("Q359480");
  }

  @Test
  void aGarbledChancellorIsResolvedByOfficeAndALaterCorrectMentionJoinsHim() {
    // given the German chancellor in 2022, garbled, then spelled right
    String body = "The German Chancellor Olav Sholtz arrived in Warsaw on Wednesday.\n\n"
        + "Scholz said Germany would send more air defence systems to Ukraine.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(2022, 11, 2));
    // then
    Entity scholz = TaggerFixture.withMention(entities, "Olav Sholtz").orElseThrow();
    assertThat(scholz.id()).isEqualTo("Q61053");
    assertThat(scholz.mentions()).extracting(TextSpan::text).containsExactly("Olav Sholtz", "Scholz");
  }

  @Test
  void anItalianPrimeMinisterIsTheOneInOfficeOnTheDate() {
    // given a misspelled name with its demonym title
    String body = "Italian Prime Minister Mario Dragi urged the European Union to act on energy prices.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(2021, 10, 5));
    // then
    Entity draghi = TaggerFixture.withMention(entities, "Mario Dragi").orElseThrow();
    assertThat(draghi.name()).isEqualTo("Mario Draghi");
    assertThat(draghi.linked()).isTrue();
  }

  @Test
  void aNameAfterATitleThatResemblesNoHolderStaysUnlinkedWithALocalId() {
    // given a made-up chancellor
    String body = "German Chancellor Hans Wurstmann visited Vienna on Friday.";
    // when
    List<Entity> entities = TaggerFixture.tag("", body, LocalDate.of(2023, 1, 20));
    // then
    Entity unknown = TaggerFixture.withMention(entities, "Hans Wurstmann").orElseThrow();
    assertThat(unknown.type()).isEqualTo(EntityType.PERSON);
    assertThat(unknown.linked()).isFalse();
    assertThat(unknown.id()).isEqualTo("local:person:hans-wurstmann");
  }
}

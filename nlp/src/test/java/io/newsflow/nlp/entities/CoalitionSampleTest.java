package io.newsflow.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real, garbled wire story of issue 4 (first line is the headline; the story carries no date). */
class CoalitionSampleTest {

  private static List<Entity> entities;
  private static String headline;
  private static String body;

  @BeforeAll
  static void tagSample() throws IOException {
    String text = readSample();
    Assumptions.assumeTrue(text != null, "sample coalition-paris.txt not available");
    int nl = text.indexOf('\n');
    headline = text.substring(0, nl);
    body = text.substring(nl + 1);
    entities = TaggerFixture.tag(headline, body, null);
  }

  private static String readSample() throws IOException {
    try (InputStream in = CoalitionSampleTest.class.getResourceAsStream("/samples/coalition-paris.txt")) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Path shared = Path.of("../shared/samples/coalition-paris.txt");
    if (!Files.exists(shared)) {
      shared = Path.of("../../shared/samples/coalition-paris.txt");
    }
    return Files.exists(shared) ? Files.readString(shared) : null;
  }

  @Test
  void allEightPeopleAreFoundUnderTheirCanonicalNamesAndWikidataIds() {
    // given the tagged sample
    Map<String, String> expected = Map.of(
        "Emmanuel Macron", "Q3052772",
        "Volodymyr Zelenskyy", "Q3874799",
        "Donald Trump", "Q22686",
        "Keir Starmer", "Q6383803",
        "Ursula von der Leyen", "Q60772",
        "Giorgia Meloni", "Q451791",
        "Olaf Scholz", "Q61053",
        "Vladimir Putin", "Q7747");
    // when
    List<Entity> people = entities.stream().filter(e -> e.type() == EntityType.PERSON).toList();
    // then
    expected.forEach((name, qid) -> assertThat(people)
        .as(name).anySatisfy(e -> {
          assertThat(e.name()).isEqualTo(name);
          assertThat(e.id()).isEqualTo(qid);
          assertThat(e.linked()).isTrue();
        }));
    assertThat(people).hasSize(8);
  }

  @Test
  void garbledNamesAreMentionsOfTheRightPeople() {
    // given / when / then
    assertThat(TaggerFixture.withMention(entities, "Star starhe")).get().extracting(Entity::name).isEqualTo("Keir Starmer");
    assertThat(TaggerFixture.withMention(entities, "Altf Saltz")).get().extracting(Entity::name).isEqualTo("Olaf Scholz");
    assertThat(TaggerFixture.withMention(entities, "Georgia Meloni")).get().extracting(Entity::name)
        .isEqualTo("Giorgia Meloni");
    assertThat(TaggerFixture.withMention(entities, "Ursula von der Layenhe")).get().extracting(Entity::name)
        .isEqualTo("Ursula von der Leyen");
    Entity zelensky = TaggerFixture.withMention(entities, "Volodimir Zelenski").orElseThrow();
    assertThat(zelensky.mentions()).extracting(TextSpan::text).contains("Zelenski");
  }

  @Test
  void placesAndOrganisationsAreLinked() {
    // given / when
    Map<String, String> places = Map.of("France", "Q142", "United Kingdom", "Q145", "Ukraine", "Q212",
        "Kyiv", "Q1899", "Paris", "Q90", "Denmark", "Q35", "Poland", "Q36", "Greece", "Q41", "Russia", "Q159",
        "United States", "Q30");
    Map<String, String> orgs = Map.of("European Union", "Q458", "European Commission", "Q8880", "NATO", "Q7184");
    // then
    places.forEach((name, qid) -> assertThat(TaggerFixture.find(entities, EntityType.LOCATION, name))
        .as(name).get().extracting(Entity::id).isEqualTo(qid));
    orgs.forEach((name, qid) -> assertThat(TaggerFixture.find(entities, EntityType.ORGANIZATION, name))
        .as(name).get().extracting(Entity::id).isEqualTo(qid));
    assertThat(TaggerFixture.find(entities, EntityType.ORGANIZATION, "Financial Times")).isPresent();
  }

  @Test
  void georgiaInGiorgiaMeloniIsNotTheCountryAndElyseeIsNotAPerson() {
    // given / when
    List<Entity> georgia = entities.stream()
        .filter(e -> e.type() == EntityType.LOCATION && e.mentions().stream().anyMatch(m -> m.text().equals("Georgia")))
        .toList();
    Entity elise = TaggerFixture.withMention(entities, "Elise").orElse(null);
    // then
    assertThat(georgia).isEmpty();
    assertThat(entities).noneMatch(e -> e.type() == EntityType.LOCATION && e.id().equals("Q230"));
    if (elise != null) {
      assertThat(elise.type()).isNotEqualTo(EntityType.PERSON);
    }
  }

  @Test
  void everyMentionPointsAtItsExactCharacters() {
    // given / when / then
    for (Entity e : entities) {
      for (TextSpan m : e.mentions()) {
        String source = m.field() == io.newsflow.nlp.model.TextField.HEADLINE ? headline : body;
        assertThat(source.substring(m.start(), m.end())).isEqualTo(m.text());
      }
    }
  }
}

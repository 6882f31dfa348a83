package io.newsflow.nlp.entities.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model on hand-written sentences (no CoNLL text: its terms keep it out of tests). */
class PerceptronRecognizerTest {

  private static PerceptronRecognizer recognizer;

  @BeforeAll
  static void load() {
    recognizer = PerceptronRecognizer.load();
  }

  private static List<String> found(String text) {
    return recognizer.recognise(TextField.BODY, text).stream().map(m -> m.text() + "/" + m.type()).toList();
  }

  @Test
  void saysWhereTheModelCameFrom() {
    assertThat(recognizer.modelVersion()).contains("perceptron").contains("conll2003_train").contains("seed")
        .contains("F1");
  }

  @Test
  void findsPersonsPlacesAndOrganisations() {
    assertThat(found("Prime Minister Boris Johnson told the European Commission in Brussels on Monday that "
        + "Britain would not pay."))
        .contains("Boris Johnson/PERSON", "European Commission/ORGANIZATION", "Brussels/LOCATION",
            "Britain/LOCATION");
  }

  @Test
  void keepsTheFullStopOfAnAbbreviationAndDropsARunInPronoun() {
    assertThat(found("Officials in the U.S. said so .")).contains("U.S./LOCATION");
    assertThat(found("The German Chancellor Olaf Scholz He said that it was early.")).contains("Olaf Scholz/PERSON");
  }

  @Test
  void readsAnAllCapitalsHeadlineAndADateline() {
    assertThat(found("SOCCER - ARSENAL BEAT CHELSEA IN LONDON .\nLONDON 1996-08-30\nArsenal beat Chelsea 2-1 in "
        + "London on Friday ."))
        .contains("LONDON/LOCATION", "Arsenal/ORGANIZATION", "Chelsea/ORGANIZATION");
  }

  @Test
  void offsetsPointIntoTheTextWithNonAsciiNames() {
    String text = "Ελλάδα aside, Zoë Müller-Lüdenscheidt met Lech Wałęsa in Gdańsk.";
    for (Mention m : recognizer.recognise(TextField.HEADLINE, text)) {
      assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
      assertThat(m.field()).isEqualTo(TextField.HEADLINE);
    }
    assertThat(found(text)).contains("Lech Wałęsa/PERSON");
  }

  @Test
  void copesWithEmptyAndVeryLongTexts() {
    assertThat(recognizer.recognise(TextField.BODY, "")).isEmpty();
    assertThat(recognizer.recognise(TextField.BODY, " \n ")).isEmpty();
    String body = "Angela Merkel spoke in Berlin on Tuesday - ".repeat(2_500); // ~110,000 characters
    List<Mention> mentions = recognizer.recognise(TextField.BODY, body);
    assertThat(mentions).hasSizeGreaterThan(2_500);
    assertThat(mentions.stream().filter(m -> m.type() == EntityType.PERSON)).isNotEmpty();
  }
}

package io.newsflow.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GarbledVariantsTest {

  private static final GoldStory STORY = new GoldStory("s1",
      "German Chancellor Olaf Scholz met Emmanuel Macron in Paris .",
      List.of(new GoldStory.GoldMention(0, 6, "MISC", "Q183"),
          new GoldStory.GoldMention(18, 29, "PER", "Q61053"),
          new GoldStory.GoldMention(34, 49, "PER", "Q3052772"),
          new GoldStory.GoldMention(53, 58, "LOC", "Q90")));

  @Test
  void garbledMentionsKeepTheirTypeLinkAndPointAtTheirNewText() {
    // given every mention garbled
    GarbledVariants garbler = new GarbledVariants(1.0, 7);
    // when
    GoldStory garbled = garbler.garble(STORY);
    // then
    assertThat(garbled.entities()).hasSize(4);
    for (int i = 0; i < 4; i++) {
      GoldStory.GoldMention before = STORY.entities().get(i);
      GoldStory.GoldMention after = garbled.entities().get(i);
      assertThat(after.type()).isEqualTo(before.type());
      assertThat(after.qid()).isEqualTo(before.qid());
      String surface = garbled.text().substring(after.start(), after.end());
      assertThat(surface).isNotEqualTo(STORY.text().substring(before.start(), before.end()));
    }
    assertThat(garbled.text()).endsWith(" .").contains(" met ").contains(" in ");
  }

  @Test
  void theSameSeedGivesTheSameCopy() {
    // given / when / then
    assertThat(new GarbledVariants(0.5, 3).garble(STORY)).isEqualTo(new GarbledVariants(0.5, 3).garble(STORY));
  }

  @Property
  void garblingAWordKeepsItsFirstLetterAndRoughlyItsLength(@ForAll @AlphaChars @StringLength(min = 4, max = 15) String word,
                                                   @ForAll long seed) {
    // when
    String garbled = GarbledVariants.garbleWord(word, new Random(seed));
    // then
    assertThat(garbled.charAt(0)).isEqualTo(word.charAt(0));
    assertThat(Math.abs(garbled.length() - word.length())).isLessThanOrEqualTo(2);
  }

  @Test
  void goldLinksAreReadFromTheWikidataFieldOrTheUrlAndNilIsNoLink() throws Exception {
    // given
    ObjectMapper json = new ObjectMapper();
    String line = "{\"id\":\"x\",\"text\":\"Paris and Lyon and Bob\",\"entities\":["
        + "{\"start\":0,\"end\":5,\"type\":\"LOC\",\"link\":\"https://www.wikidata.org/wiki/Q90\"},"
        + "{\"start\":10,\"end\":14,\"type\":\"LOC\",\"link\":null,\"wikidata\":\"Q456\"},"
        + "{\"start\":19,\"end\":22,\"type\":\"PER\",\"link\":null,\"wikidata\":\"<NIL>\"}]}";
    // when
    GoldStory story = GoldFile.parse(json.readTree(line));
    // then
    assertThat(story.entities()).extracting(GoldStory.GoldMention::qid).containsExactly("Q90", "Q456", null);
  }
}

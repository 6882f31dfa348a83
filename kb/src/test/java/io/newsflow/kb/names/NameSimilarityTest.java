package io.newsflow.kb.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSimilarityTest {

  @Test
  void jaroWinklerMatchesTheTextbookValues() {
    // given the classic examples of Winkler (1990)
    // when / then
    assertThat(NameSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
    assertThat(NameSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, org.assertj.core.data.Offset.offset(0.001));
    assertThat(NameSimilarity.jaroWinkler("abc", "xyz")).isZero();
  }

  @Test
  void tokensThatSoundAlikeScoreHighEvenWhenSpelledApart() {
    // given a transliterated spelling and the usual one
    // when
    double makron = NameSimilarity.tokens("makron", "macron");
    double unrelated = NameSimilarity.tokens("makron", "merkel");
    // then
    assertThat(makron).isGreaterThanOrEqualTo(0.93);
    assertThat(unrelated).isLessThan(0.8);
  }

  @Test
  void aGarbledFullNameIsCloserToItsPersonThanToAnotherHolderOfTheOffice() {
    // given garbled machine-translation output
    List<String> garbled = Names.tokens("Altf Saltz");
    // when
    double scholz = NameSimilarity.names(garbled, Names.tokens("Olaf Scholz"));
    double merz = NameSimilarity.names(garbled, Names.tokens("Friedrich Merz"));
    // then
    assertThat(scholz).isGreaterThan(merz + 0.1);
  }

  @Test
  void aFamilyNameAloneMatchesTheFullName() {
    // given / when
    double sim = NameSimilarity.names(Names.tokens("Zelenski"), Names.tokens("Volodymyr Zelensky"));
    // then
    assertThat(sim).isGreaterThan(0.9);
  }
}

package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.text.Tsv;
import io.newsflow.nlp.model.Polarity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stance rules are data: every cue states its polarity, a weight in (0, 1], its holder rule and its reason. */
class LexiconFilesTest {

  @Test
  void everyCueHasAValidPolarityWeightHolderRuleAndReason() {
    List<Map<String, String>> cues = Tsv.read("stance/cues.tsv");
    assertThat(cues).hasSizeGreaterThan(50).allSatisfy(row -> {
      assertThat(Polarity.valueOf(row.get("polarity"))).isNotNull();
      assertThat(Double.parseDouble(row.get("weight"))).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
      assertThat(row.get("holder")).isIn("subject", "speaker");
      assertThat(row.get("reason / example")).as("reason for cue %s", row.get("cue")).isNotBlank();
    });
  }

  @Test
  void wildcardCuesKeepAPrefixOfAtLeastThreeLetters() {
    assertThat(Tsv.read("stance/cues.tsv")).map(row -> row.get("cue").split(" ")[0])
        .filteredOn(first -> first.endsWith("*"))
        .allSatisfy(first -> assertThat(first.length() - 1).isGreaterThanOrEqualTo(3));
  }

  @Test
  void everyModifierHasAKnownKindAndAReason() {
    assertThat(Tsv.read("stance/modifiers.tsv")).allSatisfy(row -> {
      assertThat(row.get("kind")).isIn("negation", "hedge", "suspend");
      assertThat(Integer.parseInt(row.get("window"))).isPositive();
      assertThat(row.get("reason / example")).isNotBlank();
    });
  }

  @Test
  void everyPolarityHasANegation() {
    assertThat(Tsv.read("stance/flips.tsv")).extracting(row -> row.get("polarity"))
        .containsExactlyInAnyOrder("SUPPORT", "OPPOSE", "HESITANT", "NEUTRAL");
  }
}

package io.newsflow.nlp.entities.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerDocumentTest {

  private static List<String> tokens(NerDocument d) {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < d.size(); t++) {
      out.add(d.text().substring(d.start(t), d.end(t)));
    }
    return out;
  }

  @Test
  void tokenisesAsTheProductTokenizer() {
    NerDocument d = new NerDocument();
    d.read("Germany's co-responsible U.S. officials didn't go.");
    assertThat(tokens(d)).containsExactly("Germany", "'s", "co-responsible", "U.S", ".", "officials", "did", "n't",
        "go", ".");
  }

  @Test
  void lineBreaksAndFullStopsEndSentencesButAbbreviationsDoNot() {
    NerDocument d = new NerDocument();
    d.read("BONN 1996-08-22\nMr. Kohl met U.S. envoys. They left.");
    assertThat(d.sentences()).isEqualTo(3);
    assertThat(d.sentenceStart(1)).isEqualTo(2);
    assertThat(d.text().substring(d.start(d.sentenceStart(2)), d.end(d.sentenceStart(2)))).isEqualTo("They");
  }

  @Test
  void aLongUnpunctuatedTextIsCutIntoBoundedSentences() {
    NerDocument d = new NerDocument();
    d.read("word ".repeat(20_000));
    assertThat(d.size()).isEqualTo(20_000);
    for (int s = 0; s < d.sentences(); s++) {
      assertThat(d.sentenceEnd(s) - d.sentenceStart(s)).isLessThanOrEqualTo(NerDocument.MAX_SENTENCE);
    }
  }

  @Test
  void featuresAreTheSameForTheSameTextAndFoldAccentsInTheGazetteer() {
    LongIntTable names = new LongIntTable(4);
    names.put(NerDocument.nameKey("Francois Hollande"), NerDocument.GAZ_PERSON);
    NerDocument a = new NerDocument();
    a.read("François Hollande spoke.");
    a.extract(0, new LongIntTable(4), names);
    int[] first = java.util.Arrays.copyOf(a.features(), a.featureCount(0));
    NerDocument b = new NerDocument();
    b.read("FRANCOIS HOLLANDE SPOKE .");
    b.read("François Hollande spoke.");
    b.extract(0, new LongIntTable(4), names);
    assertThat(java.util.Arrays.copyOf(b.features(), b.featureCount(0))).containsExactly(first);
    assertThat(a.featureCount(0)).isLessThanOrEqualTo(NerDocument.MAX_FEATURES);
    assertThat(NerDocument.nameKey("FRANÇOIS hollande")).isEqualTo(NerDocument.nameKey("Francois Hollande"));
  }

  @Test
  void rememberedPredictionsBecomeFeaturesOfTheSameWordLater() {
    LongIntTable none = new LongIntTable(4);
    NerDocument d = new NerDocument();
    d.read("Sampras won .\nSampras lost .");
    d.extract(1, none, none);
    int before = d.featureCount(0);
    d.read("Sampras won .\nSampras lost .");
    d.remember(0, new int[] {NerLabels.of("PER", false), 0, 0});
    d.extract(1, none, none);
    assertThat(d.featureCount(0)).isEqualTo(before + 2);
  }

  @Test
  void theContextsOfTheWordsOtherOccurrencesAreFeaturesOfIt() {
    LongIntTable none = new LongIntTable(4);
    NerDocument alone = new NerDocument();
    alone.read("Sheehan won .\nThe crowd cheered .");
    alone.extract(0, none, none);
    NerDocument repeated = new NerDocument();
    repeated.read("Sheehan won .\nMr Sheehan said Sheehan was tired .");
    repeated.extract(0, none, none);
    // two later occurrences, a left and a right context each
    assertThat(repeated.featureCount(0)).isEqualTo(alone.featureCount(0) + 4);
  }

  @Test
  void aResultsStoryMarksItsCapitalisedWords() {
    LongIntTable none = new LongIntTable(4);
    NerDocument results = new NerDocument();
    results.read("Leeds beat Hull 2-1 , Derby drew 0-0 with Stoke and Bury lost 1-3 .");
    results.extract(0, none, none);
    NerDocument prose = new NerDocument();
    prose.read("Leeds beat Hull 2-1 , Derby drew 0-0 with Stoke and Bury lost 1 to 3 .");
    prose.extract(0, none, none);
    assertThat(results.featureCount(0)).isEqualTo(prose.featureCount(0) + 2);
    assertThat(results.featureCount(1)).isEqualTo(prose.featureCount(1)); // "beat": lower case
  }
}

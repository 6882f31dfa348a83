package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.TextField;
import io.newsflow.nlp.stance.StanceCandidates.Candidate;
import io.newsflow.nlp.stance.StanceCandidates.Naming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned stance tagger's candidates, model file and shipped model, on sentences written for the test. */
class LearnedStanceTaggerTest {

  private static final StanceCandidates CANDIDATES = StanceCandidates.load();

  private static final ArticleText WIRE = new ArticleText("HARLOW MINISTER REJECTS PORT LEVY",
      "Harbour minister Anna Weller said on Tuesday the\ngovernment of Harlow would reject the proposed port\nlevy.\n"
          + "    She said the levy would hurt exporters.\n    Analysts doubted that.", "en", null);

  private static List<Entity> wireEntities() {
    return EntityFixture.entities()
        .person("local:person:anna-weller", "Anna Weller", "Anna Weller")
        .place("local:place:harlow", "Harlow", "Harlow")
        .in(WIRE);
  }

  @Test
  void lineBreaksInsideAParagraphBecomeSpacesAndOffsetsStay() {
    ArticleText unwrapped = StanceCandidates.unwrapped(WIRE);

    assertThat(unwrapped.body()).hasSameSizeAs(WIRE.body());
    assertThat(unwrapped.body()).startsWith("Harbour minister Anna Weller said on Tuesday the government of Harlow");
    assertThat(unwrapped.body()).contains("levy.\n    She said");
  }

  @Test
  void aSentenceCutByLineBreaksIsOneCandidateSentence() {
    List<Candidate> weller = CANDIDATES.read(WIRE, wireEntities()).candidates().stream()
        .filter(c -> c.holder().id().equals("local:person:anna-weller")).toList();

    assertThat(weller).anySatisfy(c -> {
      assertThat(c.sentence().field()).isEqualTo(TextField.BODY);
      assertThat(c.sentence().text()).contains("Anna Weller said").contains("levy.");
      assertThat(c.features()).contains("cue=OPPOSE", "saidRight");
    });
  }

  @Test
  void anAllCapitalsHeadlineNamesTheEntitiesOfTheBody() {
    List<Candidate> headline = CANDIDATES.read(WIRE, wireEntities()).candidates().stream()
        .filter(c -> c.sentence().field() == TextField.HEADLINE).toList();

    assertThat(headline).anySatisfy(c -> {
      assertThat(c.holder().id()).isEqualTo("local:place:harlow");
      assertThat(c.features()).contains("caps", "naming=" + Naming.HEADLINE_NAME);
    });
  }

  @Test
  void aPronounIsResolvedToTheNearestPersonBeforeIt() {
    List<Candidate> second = CANDIDATES.read(WIRE, wireEntities()).candidates().stream()
        .filter(c -> c.sentence().text().startsWith("She said")).toList();

    assertThat(second).singleElement().satisfies(c -> {
      assertThat(c.holder().id()).isEqualTo("local:person:anna-weller");
      assertThat(c.features()).contains("naming=" + Naming.PRONOUN, "anaphor=she");
    });
  }

  @Test
  void theModelFileKeepsWeightsThresholdAndVersion(@TempDir Path dir) {
    String feature = "cue=OPPOSE";
    StanceModel model = new StanceModel(Map.of(StanceModel.hash(feature), new float[] {0, 1, 4, 0, 0}), 2.5,
        "test model", true);
    Path file = dir.resolve("model.tsv.gz");

    model.write(file);
    StanceModel read = StanceModel.read(file);

    assertThat(read.version()).isEqualTo("test model");
    assertThat(read.threshold()).isEqualTo(2.5);
    assertThat(read.withRules()).isTrue();
    assertThat(read.decide(read.scores(List.of(feature)))).isEqualTo(Polarity.OPPOSE);
    assertThat(read.withThreshold(5, true).decide(read.scores(List.of(feature)))).isNull();
    assertThat(read.decide(read.scores(List.of("unseen")))).isNull();
  }

  @Test
  void theShippedModelNamesItsTrainingDataAndTagsAStatedPosition() throws Exception {
    LearnedStanceTagger tagger = LearnedStanceTagger.load();
    ArticleText text = new ArticleText("Harlow council opposes port levy",
        "Anna Weller, the mayor of Harlow, said on Tuesday she strongly opposed the port levy.", "en", null);
    List<Entity> entities = EntityFixture.entities()
        .person("local:person:anna-weller", "Anna Weller", "Anna Weller")
        .place("local:place:harlow", "Harlow", "Harlow")
        .in(text);

    assertThat(tagger.version()).contains("gold-train.jsonl").contains("seed 14").contains("dev");
    assertThat(tagger.tag(text, entities).stances()).anySatisfy(s -> {
      assertThat(s.holder().id()).isEqualTo("local:person:anna-weller");
      assertThat(s.polarity()).isEqualTo(Polarity.OPPOSE);
    });
    assertThat(Files.exists(Path.of("src/main/resources", StanceModel.RESOURCE))).isTrue();
  }
}

package io.newsflow.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StanceCorpusEvaluationTest {

  // a story written for this test: its text lives in the test's own corpus file, the gold holds offsets only
  private static final String TITLE = "France backs the tariff plan";
  private static final String BODY = "Finance minister Jean Dupont said France supported the tariff plan. "
      + "Germany rejected the tariff plan on Monday.";

  @TempDir
  Path dir;
  private Path corpus;

  @BeforeEach
  void writeCorpusAndSplits() throws IOException {
    corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, "{\"id\":\"story-1\",\"title\":\"" + TITLE + "\",\"body\":\"" + BODY
        + "\",\"published\":\"1987-03-02T10:00:00Z\"}\n");
    Files.writeString(dir.resolve("splits.tsv"), "id\tsplit\nstory-1\tdev\nstory-2\ttest\n");
  }

  @Test
  void scoresHoldersByIdOrNameAndCountsRepeatsOnceAndWrongPolarity() throws IOException {
    // given gold: France SUPPORT (headline), Germany OPPOSE (body)
    Path gold = gold("story-1");
    int germany = BODY.indexOf("Germany");
    StanceTagger tagger = (text, entities) -> new StanceTagger.Result(List.of(), List.of(
        // right: France by id, evidence in the headline
        stance(text, "Q142", "France", Polarity.SUPPORT, "the tariff plan", TextField.HEADLINE, 0, TITLE.length()),
        // the same position repeated in the body: counted once
        stance(text, "Q142", "France", Polarity.SUPPORT, "tariff plan", TextField.BODY, 0, BODY.indexOf('.') + 1),
        // Germany with the opposite polarity: wrong polarity
        stance(text, "Q183", "Germany", Polarity.SUPPORT, "the tariff plan", TextField.BODY, germany, BODY.length()),
        // a holder the gold does not have: false
        stance(text, "local:x", "Jean Dupont", Polarity.HESITANT, "interest rates", TextField.BODY, 0, 20)));

    // when
    String out = run(gold, tagger, false);

    // then 3 distinct found, 1 right of 2 gold, 1 wrong polarity
    assertThat(out).contains("gold: gold-dev.jsonl (1 stories, 2 stances; splits {dev=1})");
    assertThat(out).contains("      1     2      3      1  0.333  0.500  0.400  1 (33.3 %)");
    assertThat(out).contains("recall by gold polarity: OPPOSE 0/1  SUPPORT 1/1");
  }

  @Test
  void listsMissesAndFalseStancesOnDev() throws IOException {
    // given a tagger that finds nothing
    Path gold = gold("story-1");

    // when
    String out = run(gold, (text, entities) -> StanceTagger.Result.empty(), true);

    // then both gold stances are listed as missed, with their sentence
    assertThat(out).contains("story-1 missed: Germany OPPOSE in \"Germany rejected the tariff plan on Monday.\"");
    assertThat(out).contains("story-1 missed: France SUPPORT in \"" + TITLE + "\"");
  }

  @Test
  void refusesToListErrorsOfTheFrozenTestSplit() throws IOException {
    // given gold naming a test story
    Path gold = dir.resolve("gold-test.jsonl");
    Files.writeString(gold, Files.readString(gold("story-1")).replace("story-1", "story-2"));

    // when / then
    assertThatThrownBy(() -> run(gold, (text, entities) -> StanceTagger.Result.empty(), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frozen test split");
  }

  @Test
  void recognisesItsFormatApartFromTheSelfWrittenGold() throws IOException {
    Path old = dir.resolve("old.jsonl");
    Files.writeString(old, "{\"id\":\"x\",\"text\":\"t\",\"entities\":[],\"stances\":[],\"quotes\":[]}\n");
    assertThat(StanceCorpusEvaluation.isCorpusGold(gold("story-1"))).isTrue();
    assertThat(StanceCorpusEvaluation.isCorpusGold(old)).isFalse();
  }

  private Path gold(String id) throws IOException {
    Path gold = dir.resolve("gold-dev.jsonl");
    int planInTitle = TITLE.indexOf("the tariff plan");
    int germany = BODY.indexOf("Germany");
    int planInBody = BODY.indexOf("the tariff plan", germany);
    Files.writeString(gold, "{\"id\":\"" + id + "\",\"stances\":["
        + "{\"holder\":\"France\",\"holderQid\":\"Q142\",\"onBehalfOf\":null,"
        + "\"holderMention\":{\"field\":\"headline\",\"start\":0,\"end\":6},"
        + "\"target\":{\"field\":\"headline\",\"start\":" + planInTitle + ",\"end\":" + TITLE.length() + "},"
        + "\"polarity\":\"SUPPORT\",\"evidence\":{\"field\":\"headline\",\"start\":0,\"end\":" + TITLE.length() + "}},"
        + "{\"holder\":\"Germany\",\"holderQid\":\"Q183\",\"onBehalfOf\":null,"
        + "\"holderMention\":{\"field\":\"body\",\"start\":" + germany + ",\"end\":" + (germany + 7) + "},"
        + "\"target\":{\"field\":\"body\",\"start\":" + planInBody + ",\"end\":" + (planInBody + 15) + "},"
        + "\"polarity\":\"OPPOSE\",\"evidence\":{\"field\":\"body\",\"start\":" + germany + ",\"end\":"
        + BODY.length() + "}}]}\n");
    return gold;
  }

  private String run(Path gold, StanceTagger tagger, boolean errors) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new StanceCorpusEvaluation(text -> List.of(), tagger, KnowledgeBase.shared())
        .run(gold, corpus, errors, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Stance stance(ArticleText text, String id, String name, Polarity polarity, String target,
                               TextField field, int start, int end) {
    return new Stance(new EntityRef(id, name), null, target, null, polarity, 0.9, text.span(field, start, end), null);
  }
}

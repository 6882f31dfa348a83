package io.newsflow.tools.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.entities.linking.LinkFeatures;
import io.newsflow.nlp.entities.linking.LinkRanker;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.tools.eval.LinkingGold;
import io.newsflow.tools.eval.GoldStory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTrainerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Known people and places with their QIDs, and a person no knowledge base holds (NIL). */
  private static final String[][] PEOPLE = {{"Angela Merkel", "Q567"}, {"Emmanuel Macron", "Q3052772"},
      {"Boris Johnson", "Q180589"}, {"Hans Wurstmann", null}};
  private static final String[][] PLACES = {{"Paris", "Q90"}, {"Berlin", "Q64"}, {"London", "Q84"}};

  @TempDir
  Path dir;

  @Test
  void rowsMarkTheGoldIdentityAmongEachClustersCandidates() {
    // given
    GoldStory story = story(0);
    List<LinkerTrainer.Row> rows = new ArrayList<>();
    // when
    int[] counts = LinkerTrainer.rows(KnowledgeBaseEntityTagger.load().withRanker(null), story, rows);
    // then: three clusters match gold mentions, two of them (Merkel, Paris) link to identities in the base
    assertThat(counts).containsExactly(3, 2, 2);
    assertThat(rows).filteredOn(LinkerTrainer.Row::gold).hasSize(2);
    assertThat(rows).hasSizeGreaterThan(3);
  }

  @Test
  void aRankerLearnsToPreferTheCandidateItsFeaturesMarkAsGold() {
    // given rows in which the rules' pick is the gold identity and the other candidates are not
    int pick = LinkFeatures.NAMES.indexOf("rule.pick");
    List<LinkerTrainer.Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double[] gold = new double[LinkFeatures.NAMES.size()];
      gold[0] = 1;
      gold[pick] = 1;
      double[] other = new double[LinkFeatures.NAMES.size()];
      other[0] = 1;
      rows.add(new LinkerTrainer.Row(gold, true));
      rows.add(new LinkerTrainer.Row(other, false));
    }
    // when
    LinkRanker ranker = LinkerTrainer.train(rows, 1, 0.5, List.of());
    // then
    assertThat(ranker.score(rows.get(0).x())).isGreaterThan(0.9);
    assertThat(ranker.score(rows.get(1).x())).isLessThan(0.1);
  }

  @Test
  void trainsOnTheTrainingFilesChoosesOnTheDevelopmentFileAndWritesAModelThatLinksTheKnown() throws IOException {
    // given
    Path train = dir.resolve("train.jsonl");
    Path dev = dir.resolve("dev.jsonl");
    Files.writeString(train, lines(0, 12));
    Files.writeString(dev, lines(12, 16));
    Path model = dir.resolve("linker.tsv");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    // when
    new LinkerTrainer().run(List.of(train), dev, model, new PrintStream(log, true, StandardCharsets.UTF_8));
    // then
    String printed = log.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("train: train.jsonl", "12 stories", "dev: dev.jsonl", "4 stories",
        "dev, rules alone", "chosen on dev", "dev, as written:");
    LinkRanker ranker;
    try (InputStream in = Files.newInputStream(model)) {
      ranker = LinkRanker.read(in);
    }
    assertThat(ranker.provenance()).anyMatch(p -> p.startsWith("dev (tuned on):"))
        .anyMatch(p -> p.startsWith("train: train.jsonl (12 stories"));
    List<Entity> entities = KnowledgeBaseEntityTagger.load().withRanker(ranker).tag(new ArticleText("",
        "Boris Johnson flew to Berlin. Hans Wurstmann stayed in London.", "en", null));
    assertThat(entities).filteredOn(e -> e.name().equals("Boris Johnson")).extracting(Entity::id)
        .containsExactly("Q180589");
    assertThat(entities).filteredOn(e -> e.mentions().get(0).text().equals("Hans Wurstmann"))
        .singleElement().satisfies(e -> assertThat(e.linked()).isFalse());
  }

  @Test
  void refusesToTrainOnTheDevelopmentFile() throws IOException {
    Path dev = dir.resolve("dev.jsonl");
    Files.writeString(dev, lines(0, 2));
    assertThatThrownBy(() -> new LinkerTrainer().run(List.of(dev), dev, dir.resolve("m.tsv"),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("development file");
  }

  @Test
  void readsElevantBenchmarksLeavingOutMentionsWithoutAWikidataMapping() throws IOException {
    // given
    Path file = dir.resolve("bench.benchmark.jsonl");
    Files.writeString(file, "{\"id\": 1, \"text\": \"Paris and Lohn.\", \"labels\": ["
        + "{\"span\": [0, 5], \"entity_id\": \"Q90\"}, {\"span\": [10, 14], \"entity_id\": \"<NIL>\"},"
        + "{\"span\": [6, 9], \"entity_id\": \"<NO_MAPPING>\"}]}\n");
    // when
    List<GoldStory> stories = LinkingGold.read(file, null);
    // then
    assertThat(stories).singleElement().satisfies(s -> assertThat(s.entities()).containsExactly(
        new GoldStory.GoldMention(0, 5, "MISC", "Q90"), new GoldStory.GoldMention(10, 14, "MISC", null)));
  }

  @Test
  void offsetsOnlyGoldTakesItsTextFromTheCorpusAndNamesAStoryTheCorpusLacks() throws IOException {
    // given
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, "{\"id\": \"r-1\", \"title\": \"T\", \"body\": \"Talks in Paris ended.\"}\n");
    Path gold = dir.resolve("gold.jsonl");
    Files.writeString(gold, "{\"id\": \"r-1\", \"entities\": [{\"start\": 9, \"end\": 14, \"link\": \"Q90\"}]}\n");
    Path missing = dir.resolve("missing.jsonl");
    Files.writeString(missing, "{\"id\": \"r-2\", \"entities\": []}\n");
    // when
    List<GoldStory> stories = LinkingGold.read(gold, corpus);
    // then
    assertThat(stories).singleElement().satisfies(s -> {
      assertThat(s.text()).isEqualTo("Talks in Paris ended.");
      assertThat(s.entities()).containsExactly(new GoldStory.GoldMention(9, 14, "MISC", "Q90"));
    });
    assertThatThrownBy(() -> LinkingGold.read(missing, corpus)).isInstanceOf(IOException.class)
        .hasMessageContaining("r-2");
  }

  private static String lines(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines.append(json(story(i))).append('\n');
    }
    return lines.toString();
  }

  /** "A met B in C on Monday. A said ..." with the people and places taken in turn. */
  private static GoldStory story(int i) {
    String[] a = PEOPLE[i % PEOPLE.length];
    String[] b = PEOPLE[(i + 3) % PEOPLE.length];
    String[] place = PLACES[i % PLACES.length];
    String text = a[0] + " met " + b[0] + " in " + place[0] + " on Monday.\n" + a[0]
        + " said the talks had gone well.";
    List<GoldStory.GoldMention> mentions = new ArrayList<>();
    int first = text.indexOf(a[0]);
    mentions.add(new GoldStory.GoldMention(first, first + a[0].length(), "PER", a[1]));
    int other = text.indexOf(b[0]);
    mentions.add(new GoldStory.GoldMention(other, other + b[0].length(), "PER", b[1]));
    int at = text.indexOf(place[0]);
    mentions.add(new GoldStory.GoldMention(at, at + place[0].length(), "LOC", place[1]));
    int again = text.lastIndexOf(a[0]);
    mentions.add(new GoldStory.GoldMention(again, again + a[0].length(), "PER", a[1]));
    mentions.sort(java.util.Comparator.comparingInt(GoldStory.GoldMention::start));
    return new GoldStory("story-" + i, text, mentions);
  }

  private static String json(GoldStory story) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", story.id());
    node.put("text", story.text());
    ArrayNode entities = node.putArray("entities");
    for (GoldStory.GoldMention m : story.entities()) {
      ObjectNode e = entities.addObject();
      e.put("start", m.start());
      e.put("end", m.end());
      e.put("type", m.type());
      e.put("link", m.qid());
    }
    return node.toString();
  }
}

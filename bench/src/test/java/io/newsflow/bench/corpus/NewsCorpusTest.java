package io.newsflow.bench.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsCorpusTest {

  @TempDir
  Path dir;

  @Test
  void takesStoriesOfTheAskedLengthAndMakesEachReusedOneADifferentText() throws Exception {
    // given a corpus with two stories of three words and one of six
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"id\": \"a\", \"title\": \"Oil rises\", \"body\": \"Oil prices rose.\"}",
        "{\"id\": \"b\", \"title\": \"Gold falls\", \"body\": \"Gold prices fell.\"}",
        "{\"id\": \"c\", \"title\": \"Long\", \"body\": \"one two three four five six\"}",
        ""));

    // when five stories of three words are asked for
    List<WireCopyGenerator.Story> stories = NewsCorpus.stories(corpus, 5, 3, 3, 1, "run1");

    // then only the two fitting stories are used, every id and every body differs (no exact resend)
    assertThat(stories).hasSize(5);
    assertThat(stories).extracting(WireCopyGenerator.Story::headline).containsOnly("Oil rises", "Gold falls");
    assertThat(stories).extracting(WireCopyGenerator.Story::id).doesNotHaveDuplicates().allMatch(id -> id.endsWith(":run1"));
    assertThat(stories).extracting(WireCopyGenerator.Story::body).doesNotHaveDuplicates();
    assertThat(stories.get(0).body()).doesNotStartWith("Repeat");
    assertThat(stories.get(2).body()).startsWith("Repeat 2.").endsWith(stories.get(0).body());
    assertThat(stories.get(4).body()).startsWith("Repeat 3.");
  }

  @Test
  void refusesACorpusWithoutAStoryOfTheAskedLength() throws Exception {
    Path corpus = dir.resolve("short.jsonl");
    Files.writeString(corpus, "{\"id\": \"a\", \"title\": \"Oil rises\", \"body\": \"Oil prices rose.\"}\n");

    assertThatThrownBy(() -> NewsCorpus.stories(corpus, 1, 300, 650, 1, "run1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300 to 650 words");
  }
}

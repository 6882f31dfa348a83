package io.newsflow.bench.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Real news to load the pipeline with: stories of a JSON-lines corpus ({@code id, title, body}, as
 * {@code ../shared/corpus/reuters21578.jsonl}) whose body is of about the length asked for, in a seeded order.
 * Read by path, never copied: the corpus's terms keep its text out of the project.
 */
public final class NewsCorpus {

  private NewsCorpus() {}

  /**
   * {@code count} stories with bodies of {@code minWords} to {@code maxWords} words, shuffled with {@code seed};
   * stories are reused when the corpus has fewer, with new ids and a first line naming the round ("Repeat 2."), so
   * that enrich indexes them as near-duplicates of the first round instead of recording exact resends (which never
   * reach news.index and would read as lost).
   */
  public static List<WireCopyGenerator.Story> stories(Path corpus, int count, int minWords, int maxWords, long seed,
                                                      String run) {
    List<JsonNode> fitting = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode story = Json.mapper().readTree(line);
        int words = story.path("body").asText("").split("\\s+").length;
        if (words >= minWords && words <= maxWords && !story.path("title").asText("").isBlank()) {
          fitting.add(story);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the corpus " + corpus, e);
    }
    if (fitting.isEmpty()) {
      throw new IllegalArgumentException("No story of " + minWords + " to " + maxWords + " words in " + corpus);
    }
    Collections.shuffle(fitting, new Random(seed));
    List<WireCopyGenerator.Story> stories = new ArrayList<>(count);
    Instant published = Instant.parse("1987-03-02T12:00:00Z");
    for (int i = 0; i < count; i++) {
      JsonNode s = fitting.get(i % fitting.size());
      int round = i / fitting.size() + 1;
      String body = round == 1 ? s.path("body").asText() : "Repeat " + round + ".\n\n" + s.path("body").asText();
      stories.add(new WireCopyGenerator.Story(s.path("id").asText() + "-" + i + ":" + run, s.path("title").asText(),
          body, published));
    }
    return stories;
  }
}

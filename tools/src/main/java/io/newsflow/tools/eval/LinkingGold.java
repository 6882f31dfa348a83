package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gold files with entity links, in any of the three forms the linker is trained and scored on: newsflow's gold
 * files with text ({@link GoldFile}), ELEVANT's benchmarks ({@link ElevantBenchmark}), and the real-news linking
 * corpus (eval/linking-real: story ids and body offsets, the text read from the corpus file).
 */
public final class LinkingGold {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LinkingGold() {}

  public static List<GoldStory> read(Path file, Path corpus) throws IOException {
    List<JsonNode> gold = GoldFile.lines(file);
    if (gold.isEmpty()) {
      return List.of();
    }
    if (gold.get(0).has("labels")) {
      return gold.stream().map(ElevantBenchmark::parse).toList();
    }
    if (gold.get(0).has("text")) {
      return gold.stream().map(GoldFile::parse).toList();
    }
    return withCorpusText(file, gold, corpus);
  }

  /** Offsets-only gold joined with the bodies of the corpus's stories. */
  private static List<GoldStory> withCorpusText(Path file, List<JsonNode> gold, Path corpus) throws IOException {
    Map<String, String> wanted = new HashMap<>();
    for (JsonNode story : gold) {
      wanted.put(story.path("id").asText(), null);
    }
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode story = JSON.readTree(line);
        String id = story.path("id").asText();
        if (wanted.containsKey(id)) {
          wanted.put(id, story.path("body").asText());
        }
      }
    }
    List<GoldStory> stories = new ArrayList<>();
    for (JsonNode story : gold) {
      String id = story.path("id").asText();
      String body = wanted.get(id);
      if (body == null) {
        throw new IOException("Story " + id + " of " + file.getFileName() + " is not in " + corpus);
      }
      List<GoldStory.GoldMention> mentions = new ArrayList<>();
      for (JsonNode e : story.path("entities")) {
        mentions.add(new GoldStory.GoldMention(e.path("start").asInt(), e.path("end").asInt(), "MISC",
            e.path("link").isTextual() ? e.path("link").asText() : null));
      }
      stories.add(new GoldStory(id, body, mentions));
    }
    return stories;
  }

  /**
   * {@code bin/newsflow eval linking FILE.jsonl}: the linking figures alone (the gold's mentions are not typed as
   * CoNLL's are), by the shipped linker and by the rules alone.
   */
  public static void run(Path file, Path corpus, PrintStream out) throws IOException {
    List<GoldStory> stories = read(file, corpus);
    long mentions = stories.stream().mapToLong(s -> s.entities().size()).sum();
    long links = stories.stream().flatMap(s -> s.entities().stream()).filter(m -> m.qid() != null).count();
    out.printf(Locale.ROOT, "data: %s (%d bytes): %d stories, %d gold mentions, %d linked%n", file.getFileName(),
        Files.size(file), stories.size(), mentions, links);
    io.newsflow.nlp.entities.KnowledgeBaseEntityTagger tagger =
        io.newsflow.nlp.entities.KnowledgeBaseEntityTagger.load();
    out.println("rules alone:    " + new EntityEvaluation(tagger.withRanker(null)).score(stories).linkingSummary());
    if (tagger.ranker() != null) {
      out.println("shipped linker: " + new EntityEvaluation(tagger).score(stories).linkingSummary());
    }
  }
}

package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an entity-linking benchmark in ELEVANT's JSON lines ({@code {"id","text","labels":[{"span":[start,end],
 * "entity_id":"Q…"|"<NIL>"|"<NO_MAPPING>"}]}}, github.com/ad-freiburg/elevant, {@code benchmarks/*.benchmark.jsonl})
 * as gold stories. {@code <NIL>} (no Wikidata identity) becomes an unlinked gold mention; {@code <NO_MAPPING>}
 * (an identity with no Wikidata id) is left out, since whether it is in a knowledge base cannot be told. The
 * benchmarks do not type their mentions as CoNLL does: every mention is typed MISC, so only the links are scored.
 */
public final class ElevantBenchmark {

  private ElevantBenchmark() {}

  public static List<GoldStory> read(Path file) throws IOException {
    return GoldFile.lines(file).stream().map(ElevantBenchmark::parse).toList();
  }

  static GoldStory parse(JsonNode story) {
    List<GoldStory.GoldMention> mentions = new ArrayList<>();
    for (JsonNode label : story.path("labels")) {
      String id = label.path("entity_id").asText("");
      if (id.equals("<NO_MAPPING>") || label.path("span").size() != 2) {
        continue;
      }
      int start = label.path("span").get(0).asInt();
      int end = label.path("span").get(1).asInt();
      mentions.add(new GoldStory.GoldMention(start, end, "MISC", id.startsWith("Q") ? id : null));
    }
    mentions.sort(Comparator.comparingInt(GoldStory.GoldMention::start));
    return new GoldStory(story.path("id").asText(), story.path("text").asText(), mentions);
  }
}

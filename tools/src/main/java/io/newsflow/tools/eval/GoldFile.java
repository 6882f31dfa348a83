package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON-lines gold file: {@code {"id","text","entities":[{"start","end","type","link"}]}}. The link
 * may be a QID, a Wikidata URL, or absent; a {@code wikidata} field, when present, wins.
 */
public final class GoldFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QID = Pattern.compile("(?:^|/)(Q\\d+)$");

  private GoldFile() {}

  public static List<GoldStory> read(Path file) throws IOException {
    return lines(file).stream().map(GoldFile::parse).toList();
  }

  /** The JSON objects of a JSON-lines file, blank lines skipped. */
  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }

  static GoldStory parse(JsonNode n) {
    List<GoldStory.GoldMention> mentions = new ArrayList<>();
    for (JsonNode e : n.path("entities")) {
      mentions.add(new GoldStory.GoldMention(e.path("start").asInt(), e.path("end").asInt(),
          e.path("type").asText(), qid(e)));
    }
    return new GoldStory(n.path("id").asText(), n.path("text").asText(), mentions);
  }

  private static String qid(JsonNode e) {
    if (e.hasNonNull("wikidata")) {
      Matcher m = QID.matcher(e.get("wikidata").asText().trim());
      return m.find() ? m.group(1) : null;
    }
    if (e.hasNonNull("link")) {
      Matcher m = QID.matcher(e.get("link").asText().trim());
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }
}

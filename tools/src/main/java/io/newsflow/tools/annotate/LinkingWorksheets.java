package io.newsflow.tools.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.kb.KbEntry;
import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger.LinkingCase;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.TextField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Worksheets for annotating entity links on real news (eval/linking-real/GUIDELINE.md): picks stories of the
 * Reuters-21578 corpus by a seeded shuffle, runs the recogniser and the candidate generation on each body, and
 * writes for each story its text, its mention clusters and their candidate identities (a worksheet for the
 * annotator, never committed: it holds corpus text) and the clusters' mention offsets (a key file, joined with
 * the annotators' choices into the gold file).
 *
 * <p>{@code java -cp tools.jar io.newsflow.tools.annotate.LinkingWorksheets CORPUS.jsonl EXCLUDE_IDS.tsv COUNT SEED
 * OUT_DIR}
 */
public final class LinkingWorksheets {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CANDIDATES = 12;

  private LinkingWorksheets() {}

  public static void main(String[] args) throws IOException {
    Path corpus = Path.of(args[0]);
    Set<String> exclude = new HashSet<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      exclude.add(line.split("\t")[0]);
    }
    int count = Integer.parseInt(args[2]);
    long seed = Long.parseLong(args[3]);
    Path out = Path.of(args[4]);
    Files.createDirectories(out);
    List<JsonNode> stories = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode s = JSON.readTree(line);
        int length = s.path("body").asText().length();
        // stories long enough to name several entities, short enough to read whole
        if (!exclude.contains(s.path("id").asText()) && length >= 600 && length <= 2500) {
          stories.add(s);
        }
      }
    }
    Collections.shuffle(stories, new Random(seed));
    KnowledgeBaseEntityTagger tagger = KnowledgeBaseEntityTagger.load().withRanker(null);
    try (PrintWriter keys = new PrintWriter(Files.newBufferedWriter(out.resolve("keys.jsonl"), StandardCharsets.UTF_8))) {
      for (int i = 0; i < count && i < stories.size(); i++) {
        JsonNode story = stories.get(i);
        String id = story.path("id").asText();
        String body = story.path("body").asText();
        ObjectNode key = JSON.createObjectNode();
        key.put("id", id);
        ArrayNode clusters = key.putArray("clusters");
        StringBuilder sheet = new StringBuilder();
        sheet.append("STORY ").append(id).append(" (published ").append(story.path("published").asText())
            .append(", dateline ").append(story.path("dateline").asText()).append(")\n");
        sheet.append("HEADLINE: ").append(story.path("title").asText()).append("\n\nTEXT:\n").append(body)
            .append("\n\nCLUSTERS:\n");
        int n = 0;
        for (LinkingCase c : tagger.linkingCases(new ArticleText("", body, "en", null))) {
          if (c.candidates().isEmpty()) {
            continue; // nothing to choose: the base cannot link it, whatever it names
          }
          n++;
          String cid = "c" + n;
          ObjectNode cluster = clusters.addObject();
          cluster.put("c", cid);
          ArrayNode spans = cluster.putArray("mentions");
          sheet.append(cid).append("  recognised as ").append(c.cluster().type()).append("; mentions:");
          for (Mention m : c.cluster().mentions()) {
            if (m.field() != TextField.BODY) {
              continue;
            }
            spans.addArray().add(m.start()).add(m.end());
            sheet.append(" \"").append(m.text()).append("\" [").append(m.start()).append(',').append(m.end())
                .append(']');
          }
          sheet.append('\n');
          List<KbEntry> candidates = c.candidates();
          for (int k = 0; k < Math.min(MAX_CANDIDATES, candidates.size()); k++) {
            KbEntry e = candidates.get(k);
            sheet.append(String.format(Locale.ROOT, "    %-16s %s (%s, %s%s, prior %.2f)%s%n", e.id(), e.name(),
                e.type(), e.kind(), e.countryQid().isEmpty() ? "" : ", country " + e.countryQid(), e.prior(),
                aliases(e)));
          }
        }
        Files.writeString(out.resolve(id + ".txt"), sheet.toString(), StandardCharsets.UTF_8);
        keys.println(key);
      }
    }
  }

  private static String aliases(KbEntry e) {
    List<String> some = e.aliases().subList(0, Math.min(4, e.aliases().size()));
    return some.isEmpty() ? "" : "; also " + String.join(" | ", some);
  }
}

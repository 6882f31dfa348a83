package io.newsflow.bench.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.stance.RuleStanceTagger;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.text.Tokenizer;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the stance and quote step alone, in articles per CPU-second on one thread: articles of about 1,000
 * tokens are built by joining gold stories (with their entity lists, offsets shifted) until they are long enough.
 * Usage: {@code StanceBench GOLD.jsonl [articles]}.
 */
public final class StanceBench {

  private static final int TARGET_TOKENS = 1000;

  private StanceBench() {}

  /** An article and the entities the entity step would give it. */
  private record Input(ArticleText text, List<Entity> entities, int tokens) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: StanceBench GOLD.jsonl [articles]");
      System.exit(2);
    }
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    List<Input> inputs = articles(Path.of(args[0]));
    StanceTagger tagger = RuleStanceTagger.load();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 300; i++) {
      Input in = inputs.get(i % inputs.size());
      tagger.tag(in.text(), in.entities());
    }
    long tokens = 0;
    long found = 0;
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Input in = inputs.get(i % inputs.size());
      StanceTagger.Result r = tagger.tag(in.text(), in.entities());
      tokens += in.tokens();
      found += r.stances().size() + r.quotes().size();
    }
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double wall = (System.nanoTime() - wallStart) / 1e9;
    System.out.printf(Locale.ROOT, "stance+quotes: %d articles (%d distinct), %.0f tokens/article, %d quotes+stances%n",
        count, inputs.size(), (double) tokens / count, found);
    System.out.printf(Locale.ROOT, "cpu %.2f s, wall %.2f s: %.0f articles per CPU-second (one thread)%n", cpu, wall,
        count / cpu);
  }

  private static List<Input> articles(Path gold) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> stories = new ArrayList<>();
    for (String line : Files.readAllLines(gold)) {
      if (!line.isBlank()) {
        stories.add(mapper.readTree(line));
      }
    }
    List<Input> inputs = new ArrayList<>();
    for (int first = 0; first < stories.size(); first++) {
      StringBuilder body = new StringBuilder();
      List<int[]> spans = new ArrayList<>();
      List<JsonNode> mentions = new ArrayList<>();
      int k = first;
      while (Tokenizer.tokenize(body.toString()).size() < TARGET_TOKENS) {
        JsonNode story = stories.get(k++ % stories.size());
        int offset = body.length();
        for (JsonNode m : story.get("entities")) {
          spans.add(new int[] {offset + m.get("start").asInt(), offset + m.get("end").asInt()});
          mentions.add(m);
        }
        body.append(story.get("text").asText()).append("\n\n");
      }
      ArticleText text = new ArticleText("", body.toString(), "en", null);
      inputs.add(new Input(text, entities(text, spans, mentions), Tokenizer.tokenize(body.toString()).size()));
    }
    return inputs;
  }

  private static List<Entity> entities(ArticleText text, List<int[]> spans, List<JsonNode> mentions) {
    Map<String, List<TextSpan>> byLink = new LinkedHashMap<>();
    Map<String, JsonNode> first = new LinkedHashMap<>();
    for (int i = 0; i < spans.size(); i++) {
      String link = mentions.get(i).get("link").asText();
      byLink.computeIfAbsent(link, l -> new ArrayList<>()).add(text.span(TextField.BODY, spans.get(i)[0], spans.get(i)[1]));
      first.putIfAbsent(link, mentions.get(i));
    }
    List<Entity> entities = new ArrayList<>();
    byLink.forEach((link, s) -> entities.add(new Entity(link, first.get(link).get("name").asText(),
        EntityType.valueOf(first.get(link).get("type").asText()), link.startsWith("Q"), s, 0.5, 1.0)));
    return entities;
  }
}

package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.Quote;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.stance.RuleStanceTagger;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores the stance step against a gold file, one story per line:
 * {@code {"id","text","entities":[{"start","end","type","link","name"}],
 * "stances":[{"holder","polarity","evidence_start","evidence_end"}],"quotes":[{"speaker","start","end"}]}}.
 * The text is tagged as the body (offsets into {@code text}); the gold entities stand in for the entity step, so
 * the score measures the stance rules alone. A predicted stance is right when its polarity is the gold one, the
 * gold holder is its holder or the country it speaks for ({@code onBehalfOf}), and its evidence overlaps the
 * gold evidence. A gold quote is attributed right when a found quote covers at least half of it and names the
 * same speaker (both null counts as right). The first 20 stories are the development split, the rest are held out.
 */
public final class StanceEvaluation {

  private static final int DEV_STORIES = 20;

  private StanceEvaluation() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: StanceEvaluation GOLD.jsonl");
      System.exit(2);
    }
    run(Path.of(args[0]), System.out);
  }

  public static void run(Path goldJsonl, PrintStream out) {
    List<JsonNode> stories = read(goldJsonl);
    StanceTagger tagger = RuleStanceTagger.load();
    Score dev = new Score();
    Score heldOut = new Score();
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < stories.size(); i++) {
      JsonNode story = stories.get(i);
      ArticleText text = new ArticleText("", story.get("text").asText(), "en", null);
      StanceTagger.Result result = tagger.tag(text, entities(text, story.get("entities")));
      (i < DEV_STORIES ? dev : heldOut).add(story, result, misses);
    }
    Score all = new Score();
    all.merge(dev);
    all.merge(heldOut);
    out.printf(Locale.ROOT, "gold: %s (%d stories, %d bytes)%n", goldJsonl.getFileName(), stories.size(),
        size(goldJsonl));
    out.println("split      stories  gold  found  right  P      R      F1     opposite  quotes  detected  attributed");
    dev.print(out, "dev");
    heldOut.print(out, "held-out");
    all.print(out, "all");
    out.println("misses and false positives:");
    misses.forEach(m -> out.println("  " + m));
  }

  private static final class Score {
    int stories;
    int gold;
    int found;
    int right;
    int opposite;
    int quotes;
    int detected;
    int attributed;

    void add(JsonNode story, StanceTagger.Result result, List<String> misses) {
      stories++;
      String id = story.get("id").asText();
      List<Stance> predicted = new ArrayList<>(result.stances());
      found += predicted.size();
      for (JsonNode g : story.get("stances")) {
        gold++;
        String holder = g.get("holder").asText();
        String polarity = g.get("polarity").asText();
        int start = g.get("evidence_start").asInt();
        int end = g.get("evidence_end").asInt();
        Stance match = null;
        for (Stance s : predicted) {
          if (holds(s, holder) && s.evidence().start() < end && start < s.evidence().end()
              && s.polarity().name().equals(polarity)) {
            match = s;
            break;
          }
        }
        if (match != null) {
          right++;
          predicted.remove(match);
        } else {
          misses.add(id + " missed " + holder + " " + polarity);
        }
      }
      for (Stance s : predicted) {
        misses.add(id + " extra " + s.holder().id() + " " + s.polarity() + " [" + s.target() + "]");
        for (JsonNode g : story.get("stances")) {
          if (holds(s, g.get("holder").asText()) && s.evidence().start() < g.get("evidence_end").asInt()
              && g.get("evidence_start").asInt() < s.evidence().end()
              && isOpposite(s.polarity().name(), g.get("polarity").asText())) {
            opposite++;
          }
        }
      }
      for (JsonNode q : story.get("quotes")) {
        quotes++;
        int start = q.get("start").asInt();
        int end = q.get("end").asInt();
        String speaker = q.get("speaker").isNull() ? null : q.get("speaker").asText();
        Quote best = null;
        int bestOverlap = 0;
        for (Quote p : result.quotes()) {
          int overlap = Math.min(end, p.span().end()) - Math.max(start, p.span().start());
          if (overlap > bestOverlap && 2 * overlap >= end - start) {
            best = p;
            bestOverlap = overlap;
          }
        }
        if (best == null) {
          misses.add(id + " quote not found: " + speaker + " @" + start);
          continue;
        }
        detected++;
        String got = best.speaker() == null ? null : best.speaker().id();
        if (Objects.equals(got, speaker)) {
          attributed++;
        } else {
          misses.add(id + " quote @" + start + " attributed to " + got + ", gold " + speaker);
        }
      }
    }

    private static boolean holds(Stance s, String holder) {
      return s.holder().id().equals(holder) || (s.onBehalfOf() != null && s.onBehalfOf().id().equals(holder));
    }

    private static boolean isOpposite(String a, String b) {
      return (a.equals("SUPPORT") && b.equals("OPPOSE")) || (a.equals("OPPOSE") && b.equals("SUPPORT"));
    }

    void merge(Score o) {
      stories += o.stories;
      gold += o.gold;
      found += o.found;
      right += o.right;
      opposite += o.opposite;
      quotes += o.quotes;
      detected += o.detected;
      attributed += o.attributed;
    }

    void print(PrintStream out, String name) {
      double p = found == 0 ? 0 : (double) right / found;
      double r = gold == 0 ? 0 : (double) right / gold;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      out.printf(Locale.ROOT, "%-10s %7d %5d %6d %6d  %.3f  %.3f  %.3f  %8d  %6d  %8d  %.3f%n", name, stories,
          gold, found, right, p, r, f1, opposite, quotes, detected, quotes == 0 ? 0 : (double) attributed / quotes);
    }
  }

  /** Gold mentions grouped by link into entities; the link is a Wikidata id or a local id. */
  static List<Entity> entities(ArticleText text, JsonNode mentions) {
    Map<String, List<TextSpan>> spans = new LinkedHashMap<>();
    Map<String, JsonNode> first = new LinkedHashMap<>();
    for (JsonNode m : mentions) {
      String link = m.get("link").asText();
      spans.computeIfAbsent(link, k -> new ArrayList<>())
          .add(text.span(TextField.BODY, m.get("start").asInt(), m.get("end").asInt()));
      first.putIfAbsent(link, m);
    }
    List<Entity> entities = new ArrayList<>();
    for (var e : spans.entrySet()) {
      JsonNode m = first.get(e.getKey());
      entities.add(new Entity(e.getKey(), m.get("name").asText(), EntityType.valueOf(m.get("type").asText()),
          e.getKey().startsWith("Q"), e.getValue(), 0.5, 1.0));
    }
    return entities;
  }

  static List<JsonNode> read(Path path) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      List<JsonNode> stories = new ArrayList<>();
      for (String line : Files.readAllLines(path)) {
        if (!line.isBlank()) {
          stories.add(mapper.readTree(line));
        }
      }
      return stories;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read gold file " + path, e);
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }
}

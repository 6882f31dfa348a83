package io.newsflow.tools.eval;

import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where recognition and linking go wrong ({@code EntityEvaluation GOLD.jsonl --errors}): spans missed,
 * spurious or mistyped, and every gold link to a knowledge-base identity that was linked wrongly, left
 * unlinked or whose span was not found, counted by gold type and reason, with the most frequent surfaces
 * (and the identities involved) of each bucket.
 */
final class LinkingDiagnosis {

  private static final int EXAMPLES = 12;

  private final KnowledgeBase kb;
  private final Map<String, Map<String, Integer>> buckets = new TreeMap<>();

  private LinkingDiagnosis(KnowledgeBase kb) {
    this.kb = kb;
  }

  static void run(EntityEvaluation evaluation, List<GoldStory> stories, PrintStream out) {
    LinkingDiagnosis d = new LinkingDiagnosis(evaluation.knowledgeBase());
    for (GoldStory story : stories) {
      Map<String, Entity> bySpan = new HashMap<>();
      for (Entity e : evaluation.tag(story)) {
        for (TextSpan s : e.mentions()) {
          bySpan.put(s.start() + ":" + s.end(), e);
        }
      }
      Map<String, GoldStory.GoldMention> goldBySpan = new HashMap<>();
      for (GoldStory.GoldMention g : story.entities()) {
        goldBySpan.put(g.start() + ":" + g.end(), g);
      }
      bySpan.forEach((span, e) -> {
        if (!goldBySpan.containsKey(span)) {
          String[] se = span.split(":");
          d.count("recognition, spurious or wrong span: " + typeCode(e),
              story.text().substring(Integer.parseInt(se[0]), Integer.parseInt(se[1])));
        }
      });
      for (GoldStory.GoldMention g : story.entities()) {
        Entity tagged = bySpan.get(g.start() + ":" + g.end());
        if (tagged == null) {
          d.count("recognition, missed: " + g.type(), story.text().substring(g.start(), g.end()));
        } else if (!typeCode(tagged).equals(g.type())) {
          d.count("recognition, gold " + g.type() + " tagged " + typeCode(tagged), story.text().substring(g.start(), g.end()));
        }
        KbEntry gold = g.qid() == null ? null : d.kb.byId(g.qid());
        Entity p = bySpan.get(g.start() + ":" + g.end());
        String surface = story.text().substring(g.start(), g.end());
        if (gold != null) {
          d.diagnoseGoldLink(g, gold, p, surface);
        } else if (g.qid() != null && p != null && p.linked()) {
          d.count("wrong, gold identity not in kb: " + g.type() + " as " + d.kindOf(p.id()), surface + "→" + p.name());
        } else if (g.qid() == null && p != null && p.linked()) {
          d.count("linked, gold NIL: " + g.type() + " as " + d.kindOf(p.id()), surface + "→" + p.name());
        }
      }
    }
    d.buckets.entrySet().stream()
        .sorted((a, b) -> Integer.compare(total(b.getValue()), total(a.getValue())))
        .forEach(b -> {
          out.printf(Locale.ROOT, "%5d  %s%n       ", total(b.getValue()), b.getKey());
          b.getValue().entrySet().stream()
              .sorted((x, y) -> Integer.compare(y.getValue(), x.getValue()))
              .limit(EXAMPLES)
              .forEach(x -> out.printf(Locale.ROOT, " %s×%d", x.getKey(), x.getValue()));
          out.println();
        });
  }

  private void diagnoseGoldLink(GoldStory.GoldMention g, KbEntry gold, Entity p, String surface) {
    if (p == null) {
      count("span not found: " + g.type(), surface + "→" + gold.name());
      return;
    }
    String predictedType = typeCode(p);
    if (p.linked() && p.id().equals(gold.id())) {
      return;
    }
    String caps = surface.equals(surface.toUpperCase(Locale.ROOT)) && surface.length() > 3 ? ", all caps" : "";
    String typeNote = predictedType.equals(g.type()) ? "" : ", tagged " + predictedType;
    if (p.linked()) {
      count("wrong: " + g.type() + " " + gold.kind() + " linked to " + kindOf(p.id()) + typeNote,
          surface + "→" + p.name() + " (gold " + gold.name() + ")");
      return;
    }
    List<KbEntry> named = kb.byName(surface);
    String reason;
    if (named.isEmpty()) {
      reason = "name not in kb";
    } else if (named.stream().noneMatch(e -> e.id().equals(gold.id()))) {
      reason = "name in kb, not for this identity";
    } else if (named.stream().noneMatch(e -> e.type() == p.type())) {
      reason = "identity's type differs from tagged type";
    } else {
      reason = "candidate, not chosen";
    }
    count("unlinked: " + g.type() + " " + gold.kind() + ", " + reason + typeNote + caps, surface + "→" + gold.name());
  }

  private static String typeCode(Entity e) {
    return switch (e.type()) {
      case PERSON -> "PER";
      case ORGANIZATION -> "ORG";
      case LOCATION -> "LOC";
      default -> "MISC";
    };
  }

  private String kindOf(String id) {
    KbEntry e = kb.byId(id);
    return e == null ? "?" : e.type() + "/" + e.kind();
  }

  private void count(String bucket, String surface) {
    buckets.computeIfAbsent(bucket, b -> new HashMap<>()).merge(surface, 1, Integer::sum);
  }

  private static int total(Map<String, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }
}

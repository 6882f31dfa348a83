package io.newsflow.tools.eval;

import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.entities.linking.LinkRanker;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Scores the entity tagger against a JSON-lines gold file ({@code bin/newsflow eval entities FILE.jsonl}):
 * precision, recall and F1 per type and overall (exact span and type), and linking over the gold links
 * whose entity is in the knowledge base (right, wrong, left unlinked). Scores the file as it is and a
 * garbled copy made by {@link GarbledVariants}. Each story's text is passed as the body, dated by its dateline.
 */
public final class EntityEvaluation {

  /** Share of gold mentions garbled in the garbled run, and its seed. */
  public static final double GARBLE_RATE = 0.5;
  public static final long GARBLE_SEED = 20_260_325L;

  /** A date at the end of a short first line: the dateline of a wire story. */
  private static final Pattern DATELINE_DATE = Pattern.compile("(?m)^[^\\n]{0,60}?\\b(\\d{4}-\\d{2}-\\d{2})\\s*$");

  private final KnowledgeBaseEntityTagger tagger;
  private final KnowledgeBase kb;

  public EntityEvaluation(KnowledgeBaseEntityTagger tagger) {
    this.tagger = tagger;
    this.kb = tagger.knowledgeBase();
  }

  /** Scores the file, then its garbled copy, and prints both. */
  public static void run(Path goldJsonl, PrintStream out) throws IOException {
    List<GoldStory> stories = GoldFile.read(goldJsonl);
    int mentions = stories.stream().mapToInt(s -> s.entities().size()).sum();
    long links = stories.stream().flatMap(s -> s.entities().stream()).filter(m -> m.qid() != null).count();
    out.printf(Locale.ROOT, "data: %s (%d bytes): %d stories, %d entity mentions, %d linked to Wikidata%n",
        goldJsonl.getFileName(), Files.size(goldJsonl), stories.size(), mentions, links);
    KnowledgeBaseEntityTagger tagger = KnowledgeBaseEntityTagger.load();
    EntityEvaluation evaluation = new EntityEvaluation(tagger);
    LinkRanker ranker = tagger.ranker();
    if (ranker == null) {
      out.println("linker: the rules alone (no ranker on the classpath)");
    } else {
      out.println("linker: " + String.join("; ", ranker.provenance()));
      if (ranker.provenance().stream().anyMatch(p -> p.contains(goldJsonl.getFileName().toString()))) {
        out.println("note: the ranker was trained on this file, so the linking figures below are in-sample; its "
            + "cross-validated figures are the ones above");
      }
    }
    out.println();
    out.println("== as written");
    evaluation.score(stories).print(out);
    GarbledVariants garbler = new GarbledVariants(GARBLE_RATE, GARBLE_SEED);
    out.println();
    out.printf(Locale.ROOT, "== garbled copy (%.0f%% of gold mentions garbled: dropped/swapped letters, sound-alike "
        + "spellings, split names; seed %d)%n", GARBLE_RATE * 100, GARBLE_SEED);
    evaluation.score(stories.stream().map(garbler::garble).toList()).print(out);
  }

  /**
   * Counts where recognition and linking go wrong on the file, by type and reason, with the most frequent
   * names of each count ({@code bin/newsflow eval entities FILE.jsonl --errors}).
   */
  public static void runErrors(Path goldJsonl, PrintStream out) throws IOException {
    List<GoldStory> stories = GoldFile.read(goldJsonl);
    LinkingDiagnosis.run(new EntityEvaluation(KnowledgeBaseEntityTagger.load()), stories, out);
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[1].equals("--errors")) {
      runErrors(Path.of(args[0]), System.out);
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: EntityEvaluation GOLD.jsonl [--errors]");
      System.exit(2);
    }
    run(Path.of(args[0]), System.out);
  }

  /** The tagger's entities of one gold story. */
  List<Entity> tag(GoldStory story) {
    return tagger.tag(articleOf(story));
  }

  /**
   * A gold story as the tagger gets it: its text as the body, dated by its dateline ("LONDON 1996-08-30") as a
   * wire story is dated by its metadata; undated when the first lines carry no date.
   */
  public static ArticleText articleOf(GoldStory story) {
    String text = story.text();
    Matcher date = DATELINE_DATE.matcher(text.substring(0, Math.min(text.length(), 600)));
    LocalDate day = null;
    if (date.find()) {
      try {
        day = LocalDate.parse(date.group(1));
      } catch (DateTimeParseException e) {
        day = null; // "1996-02-30": no date rather than a wrong one
      }
    }
    return new ArticleText("", text, "en", day);
  }

  KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Tags every story and compares with its gold mentions. */
  public Scores score(List<GoldStory> stories) {
    Scores scores = new Scores();
    for (GoldStory story : stories) {
      List<Entity> entities = tag(story);
      Map<String, Predicted> predicted = new HashMap<>();
      for (Entity e : entities) {
        for (TextSpan span : e.mentions()) {
          predicted.put(span.start() + ":" + span.end(), new Predicted(typeCode(e.type()), e.linked() ? e.id() : null));
        }
      }
      Map<String, GoldStory.GoldMention> gold = new HashMap<>();
      for (GoldStory.GoldMention g : story.entities()) {
        gold.put(g.start() + ":" + g.end(), g);
      }
      predicted.forEach((span, p) -> {
        GoldStory.GoldMention g = gold.get(span);
        if (g != null && g.type().equals(p.type)) {
          scores.count(p.type).tp++;
        } else {
          scores.count(p.type).fp++;
        }
      });
      gold.forEach((span, g) -> {
        Predicted p = predicted.get(span);
        if (p == null || !p.type.equals(g.type())) {
          scores.count(g.type()).fn++;
        }
        if (g.qid() != null && kb.byId(g.qid()) != null) {
          scores.linksInKb++;
          if (p == null) {
            scores.linksMissedSpan++;
          } else if (p.id == null) {
            scores.linksUnlinked++;
          } else if (p.id.equals(g.qid())) {
            scores.linksRight++;
          } else {
            scores.linksWrong++;
          }
        }
        if (g.qid() != null) {
          scores.goldLinks++;
        }
        if (g.qid() != null && p != null && p.id != null) {
          scores.linkedGoldLinked++;
          if (p.id.equals(g.qid())) {
            scores.linkedGoldLinkedRight++;
          }
        }
        if (g.qid() == null && p != null && p.id != null) {
          scores.linkedGoldNil++; // AIDA marks it NIL: no Wikidata identity, so any link is wrong
        }
      });
    }
    return scores;
  }

  private static String typeCode(EntityType type) {
    return switch (type) {
      case PERSON -> "PER";
      case ORGANIZATION -> "ORG";
      case LOCATION -> "LOC";
      default -> "MISC";
    };
  }

  private record Predicted(String type, String id) {}

  /** Counts of one type. */
  public static final class Count {
    int tp;
    int fp;
    int fn;

    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Scores of one run. */
  public static final class Scores {
    private final Map<String, Count> byType = new TreeMap<>();
    int linksInKb;
    int linksRight;
    int linksWrong;
    int linksUnlinked;
    int linksMissedSpan;
    int linkedGoldLinked;
    int linkedGoldLinkedRight;
    int goldLinks;
    int linkedGoldNil;

    Count count(String type) {
      return byType.computeIfAbsent(type, t -> new Count());
    }

    public Count overall() {
      Count all = new Count();
      for (Count c : byType.values()) {
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn += c.fn;
      }
      return all;
    }

    /** Share of gold links to knowledge-base entities that the tagger linked right. */
    public double linkingAccuracy() {
      return linksInKb == 0 ? 0 : (double) linksRight / linksInKb;
    }

    /** Share of all gold links (in the knowledge base or not) that the tagger linked right. */
    public double endToEnd() {
      return goldLinks == 0 ? 0 : (double) linksRight / goldLinks;
    }

    /** Links made on gold mentions (linked or NIL) that are wrong. */
    public int wrongLinksMade() {
      return linkedGoldLinked - linkedGoldLinkedRight + linkedGoldNil;
    }

    /** Links made on gold mentions, linked or NIL. */
    public int linksMade() {
      return linkedGoldLinked + linkedGoldNil;
    }

    public int linksRight() {
      return linksRight;
    }

    /** Adds another run's counts (folds of a cross-validation). */
    public void add(Scores other) {
      other.byType.forEach((type, c) -> {
        Count mine = count(type);
        mine.tp += c.tp;
        mine.fp += c.fp;
        mine.fn += c.fn;
      });
      linksInKb += other.linksInKb;
      linksRight += other.linksRight;
      linksWrong += other.linksWrong;
      linksUnlinked += other.linksUnlinked;
      linksMissedSpan += other.linksMissedSpan;
      linkedGoldLinked += other.linkedGoldLinked;
      linkedGoldLinkedRight += other.linkedGoldLinkedRight;
      goldLinks += other.goldLinks;
      linkedGoldNil += other.linkedGoldNil;
    }

    /** The linking figures on one line. */
    public String linkingSummary() {
      return String.format(Locale.ROOT, "in base %d/%d (%.1f%%), right %d (in-base accuracy %.1f%%, end to end %.1f%%), "
              + "wrong in base %d, unlinked %d, links made %d of which wrong %d (%.1f%%)", linksInKb, goldLinks,
          goldLinks == 0 ? 0 : 100.0 * linksInKb / goldLinks, linksRight, 100 * linkingAccuracy(), 100 * endToEnd(),
          linksWrong, linksUnlinked, linksMade(), wrongLinksMade(),
          linksMade() == 0 ? 0 : 100.0 * wrongLinksMade() / linksMade());
    }

    public void print(PrintStream out) {
      out.println("type   precision  recall     F1    (tp/fp/fn)");
      Map<String, Count> rows = new java.util.LinkedHashMap<>(byType);
      rows.put("ALL", overall());
      rows.forEach((type, c) -> out.printf(Locale.ROOT, "%-5s  %.3f      %.3f      %.3f  (%d/%d/%d)%n", type,
          c.precision(), c.recall(), c.f1(), c.tp, c.fp, c.fn));
      out.printf(Locale.ROOT, "linking: %d gold links to entities in the knowledge base: %d right (%.1f%%), "
              + "%d linked wrongly, %d left unlinked, %d span not found%n", linksInKb, linksRight,
          100 * linkingAccuracy(), linksWrong, linksUnlinked, linksMissedSpan);
      out.printf(Locale.ROOT, "linking precision: %d of %d links made on gold-linked spans are right (%.1f%%)%n",
          linkedGoldLinkedRight, linkedGoldLinked,
          linkedGoldLinked == 0 ? 0 : 100.0 * linkedGoldLinkedRight / linkedGoldLinked);
      out.printf(Locale.ROOT, "gold links in the knowledge base: %d of %d (%.1f%%); right end to end: %d (%.1f%%)%n",
          linksInKb, goldLinks, goldLinks == 0 ? 0 : 100.0 * linksInKb / goldLinks, linksRight, 100 * endToEnd());
      out.printf(Locale.ROOT, "links made on gold mentions: %d (%d on linked gold, %d on NIL gold); wrong: %d (%.1f%%)%n",
          linksMade(), linkedGoldLinked, linkedGoldNil, wrongLinksMade(),
          linksMade() == 0 ? 0 : 100.0 * wrongLinksMade() / linksMade());
    }
  }

}

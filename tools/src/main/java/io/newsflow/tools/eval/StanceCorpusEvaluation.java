package io.newsflow.tools.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.coref.CompanyForms;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextField;
import io.newsflow.platform.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores the whole NLP (entities, then stances) against exhaustive stance gold on real news whose text stays
 * in the corpus: the gold holds story ids and character offsets only ({@code eval/stance-real/gold-*.jsonl},
 * see {@code eval/stance-real/README.md}), the text is read from the corpus file by id.
 *
 * <p>A found stance is right when a gold stance of the same story has the same polarity, the same holder (by
 * Wikidata id, by name or alias in the knowledge base, by the words the story names the gold holder with, or a
 * surname of the gold name) and either evidence in the
 * same sentence or a target sharing at least half of its content words. Gold stances are exhaustive and listed
 * once per holder, target and polarity, so found stances repeating one (same holder, polarity and target words)
 * count once. A found stance is of the wrong polarity when it is not right but a gold stance with its holder and
 * its evidence or target has another polarity. Matching is one to one, exact holders before spokesmen for a
 * country ({@code onBehalfOf}).
 */
public final class StanceCorpusEvaluation {

  /** The gold's split file, beside the gold files: errors are never listed for the frozen test split. */
  private static final String SPLITS = "splits.tsv";

  private final EntityTagger entities;
  private final StanceTagger stances;
  private final KnowledgeBase kb;

  public StanceCorpusEvaluation(EntityTagger entities, StanceTagger stances, KnowledgeBase kb) {
    this.entities = entities;
    this.stances = stances;
    this.kb = kb;
  }

  /** Whether a gold file is in this format: stances with offsets, no text. */
  public static boolean isCorpusGold(Path gold) {
    try (BufferedReader in = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          JsonNode story = Json.mapper().readTree(line);
          return !story.has("text") && story.has("stances");
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read gold file " + gold, e);
    }
  }

  /** The scores of one run: precision, recall, F1 and the share of found stances with the wrong polarity. */
  public record Summary(int gold, int found, int right, double precision, double recall, double f1,
                        double wrongPolarityShare) {}

  /** Prints the scores of {@code gold}; with {@code errors}, also every miss and false stance (never on test). */
  public Summary run(Path gold, Path corpus, boolean errors, PrintStream out) {
    List<JsonNode> stories = StanceEvaluation.read(gold);
    Map<String, String> splits = splits(gold.toAbsolutePath().getParent().resolve(SPLITS));
    if (errors) {
      List<String> frozen = stories.stream().map(s -> s.get("id").asText())
          .filter(id -> "test".equals(splits.get(id))).toList();
      if (!frozen.isEmpty()) {
        throw new IllegalArgumentException("--errors is refused: " + frozen.size() + " stories of " + gold.getFileName()
            + " are in the frozen test split (" + SPLITS + "); list errors on train or dev only");
      }
    }
    Map<String, JsonNode> texts = corpus(corpus, stories.stream().map(s -> s.get("id").asText()).toList());
    Score score = new Score();
    List<String> listing = new ArrayList<>();
    for (JsonNode story : stories) {
      String id = story.get("id").asText();
      JsonNode raw = texts.get(id);
      if (raw == null) {
        throw new IllegalArgumentException("story " + id + " of " + gold.getFileName() + " is not in " + corpus);
      }
      ArticleText text = new ArticleText(raw.path("title").asText(""), raw.path("body").asText(""), "en",
          date(raw.path("published").asText(null)));
      List<Stance> found = stances.tag(text, entities.tag(text)).stances();
      score.add(id, text, gold(text, story.get("stances")), distinct(found), errors ? listing : null);
    }
    int goldCount = stories.stream().mapToInt(s -> s.get("stances").size()).sum();
    out.printf(Locale.ROOT, "gold: %s (%d stories, %d stances; splits %s), corpus: %s%n", gold.getFileName(),
        stories.size(), goldCount, splitCounts(stories, splits), corpus.getFileName());
    out.println("stories  gold  found  right  P      R      F1     wrong polarity (of found)");
    out.printf(Locale.ROOT, "%7d %5d %6d %6d  %.3f  %.3f  %.3f  %d (%.1f %%)%n", stories.size(), score.gold,
        score.found, score.right, score.precision(), score.recall(), score.f1(), score.wrongPolarity,
        score.found == 0 ? 0 : 100.0 * score.wrongPolarity / score.found);
    out.println("recall by gold polarity: " + score.recallByPolarity());
    if (errors) {
      out.println("misses (gold not found) and false stances (found, not in gold):");
      listing.forEach(l -> out.println("  " + l));
    }
    return new Summary(score.gold, score.found, score.right, score.precision(), score.recall(), score.f1(),
        score.found == 0 ? 0 : (double) score.wrongPolarity / score.found);
  }

  /** One gold stance, its spans resolved against the story's text. */
  record Gold(String holder, String holderQid, String holderMention, String onBehalfOf, String polarity,
              TextField field, int start, int end, Set<String> targetWords, String evidence) {}

  private static List<Gold> gold(ArticleText text, JsonNode stances) {
    List<Gold> gold = new ArrayList<>();
    for (JsonNode g : stances) {
      JsonNode evidence = g.get("evidence");
      TextField field = field(evidence);
      JsonNode target = g.get("target");
      String targetText = text.text(field(target)).substring(target.get("start").asInt(), target.get("end").asInt());
      JsonNode mention = g.get("holderMention");
      String mentionText = mention == null || mention.isNull() ? g.get("holder").asText()
          : text.text(field(mention)).substring(mention.get("start").asInt(), mention.get("end").asInt());
      gold.add(new Gold(g.get("holder").asText(), textOrNull(g.get("holderQid")), mentionText,
          textOrNull(g.get("onBehalfOf")),
          g.get("polarity").asText(), field, evidence.get("start").asInt(), evidence.get("end").asInt(),
          contentWords(targetText),
          text.text(field).substring(evidence.get("start").asInt(), evidence.get("end").asInt())));
    }
    return gold;
  }

  /** Found stances, one per holder, polarity and target words: the gold lists a repeated position once. */
  private static List<Stance> distinct(List<Stance> found) {
    Map<String, Stance> first = new LinkedHashMap<>();
    for (Stance s : found) {
      first.putIfAbsent(s.holder().id() + "|" + s.polarity() + "|" + new TreeSet<>(contentWords(s.target())), s);
    }
    return List.copyOf(first.values());
  }

  private final class Score {
    int gold;
    int found;
    int right;
    int wrongPolarity;
    final Map<String, int[]> byPolarity = new TreeMap<>();

    void add(String id, ArticleText text, List<Gold> golds, List<Stance> found, List<String> listing) {
      gold += golds.size();
      this.found += found.size();
      golds.forEach(g -> byPolarity.computeIfAbsent(g.polarity(), k -> new int[2])[1]++);
      List<Gold> open = new ArrayList<>(golds);
      List<Stance> unmatched = new ArrayList<>();
      // exact holders first, then spokesmen matched through the country they speak for
      List<Stance> rest = new ArrayList<>();
      for (Stance s : found) {
        Gold g = match(s, open, false, true);
        if (g == null) {
          rest.add(s);
        } else {
          take(g, open);
        }
      }
      for (Stance s : rest) {
        Gold g = match(s, open, true, true);
        if (g == null) {
          unmatched.add(s);
        } else {
          take(g, open);
        }
      }
      for (Stance s : unmatched) {
        boolean wrong = match(s, golds, false, false) != null || match(s, golds, true, false) != null;
        if (wrong) {
          wrongPolarity++;
        }
        if (listing != null) {
          listing.add(id + " false" + (wrong ? " (wrong polarity)" : "") + ": " + s.holder().name() + " "
              + s.polarity() + " [" + s.target() + "] in \"" + oneLine(s.evidence().text()) + "\"");
        }
      }
      if (listing != null) {
        for (Gold g : open) {
          listing.add(id + " missed: " + g.holder() + " " + g.polarity() + " in \"" + oneLine(g.evidence()) + "\"");
        }
      }
    }

    private void take(Gold g, List<Gold> open) {
      open.remove(g);
      right++;
      byPolarity.get(g.polarity())[0]++;
    }

    private Gold match(Stance s, List<Gold> golds, boolean viaCountry, boolean samePolarity) {
      for (Gold g : golds) {
        boolean holder = viaCountry
            ? s.onBehalfOf() != null && sameHolder(s.onBehalfOf(), g)
            : sameHolder(s.holder(), g);
        if (holder && samePolarity == s.polarity().name().equals(g.polarity()) && samePlace(s, g)) {
          return g;
        }
      }
      return null;
    }

    double precision() {
      return found == 0 ? 0 : (double) right / found;
    }

    double recall() {
      return gold == 0 ? 0 : (double) right / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String recallByPolarity() {
      StringBuilder b = new StringBuilder();
      byPolarity.forEach((polarity, counts) -> b.append(String.format(Locale.ROOT, "%s %d/%d  ", polarity,
          counts[0], counts[1])));
      return b.toString().trim();
    }
  }

  private boolean sameHolder(EntityRef found, Gold g) {
    if (g.holderQid() != null && g.holderQid().equals(found.id())) {
      return true;
    }
    // the guideline's canonical name of a company drops the designator ("Texaco Inc" is "Texaco")
    String foundKey = CompanyForms.withoutDesignators(Names.key(found.name()));
    String goldKey = CompanyForms.withoutDesignators(Names.key(g.holder()));
    if (foundKey.isEmpty() || goldKey.isEmpty()) {
      return false;
    }
    if (foundKey.equals(goldKey) || foundKey.equals(CompanyForms.withoutDesignators(Names.key(g.holderMention())))
        || surnameOf(foundKey, goldKey) || surnameOf(goldKey, foundKey)) {
      return true;
    }
    // an alias of the gold identity ("Britain" for the United Kingdom, "OPEC" for its full name)
    for (KbEntry e : kb.byName(found.name())) {
      if (e.id().equals(g.holderQid()) || CompanyForms.withoutDesignators(Names.key(e.name())).equals(goldKey)) {
        return true;
      }
    }
    return false;
  }

  /** "baker" is the surname of "james baker". */
  private static boolean surnameOf(String single, String full) {
    return single.indexOf(' ') < 0 && full.endsWith(" " + single);
  }

  private static boolean samePlace(Stance s, Gold g) {
    boolean sameSentence = s.evidence().field() == g.field() && s.evidence().start() < g.end()
        && g.start() < s.evidence().end();
    if (sameSentence) {
      return true;
    }
    Set<String> words = contentWords(s.target());
    if (words.isEmpty() || g.targetWords().isEmpty()) {
      return false;
    }
    int shared = 0;
    for (String w : words) {
      if (g.targetWords().contains(w)) {
        shared++;
      }
    }
    return 2 * shared >= Math.min(words.size(), g.targetWords().size());
  }

  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and",
      "or", "its", "their", "his", "her", "by", "with", "at", "from", "as", "that", "this", "these", "those", "be");

  static Set<String> contentWords(String phrase) {
    Set<String> words = new HashSet<>();
    if (phrase == null) {
      return words;
    }
    for (String w : phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() > 1 && !FUNCTION_WORDS.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  private static TextField field(JsonNode span) {
    return "headline".equals(span.get("field").asText()) ? TextField.HEADLINE : TextField.BODY;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  public static LocalDate date(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(published).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(published.substring(0, Math.min(10, published.length())));
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  /** The stories of the corpus (JSON lines with id, title, body, published) that the gold names. */
  public static Map<String, JsonNode> corpus(Path corpus, List<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    Map<String, JsonNode> texts = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null && texts.size() < wanted.size(); line = in.readLine()) {
        int at = line.indexOf("\"id\"");
        if (at < 0) {
          continue;
        }
        JsonNode story = Json.mapper().readTree(line);
        if (wanted.contains(story.path("id").asText())) {
          texts.put(story.get("id").asText(), story);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read corpus " + corpus, e);
    }
    return texts;
  }

  private static Map<String, String> splits(Path file) {
    Map<String, String> splits = new HashMap<>();
    if (!Files.exists(file)) {
      return splits;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t");
        if (cols.length >= 2 && !line.startsWith("#") && !cols[0].equals("id")) {
          splits.put(cols[0].trim(), cols[1].trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return splits;
  }

  private static String splitCounts(List<JsonNode> stories, Map<String, String> splits) {
    Map<String, Integer> counts = new TreeMap<>();
    stories.forEach(s -> counts.merge(splits.getOrDefault(s.get("id").asText(), "unlisted"), 1, Integer::sum));
    return counts.toString();
  }
}

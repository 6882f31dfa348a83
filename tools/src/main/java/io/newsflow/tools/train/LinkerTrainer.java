package io.newsflow.tools.train;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.newsflow.kb.KbEntry;
import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger.LinkingCase;
import io.newsflow.nlp.entities.linking.LinkFeatures;
import io.newsflow.nlp.entities.linking.LinkRanker;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.tools.eval.LinkingGold;
import io.newsflow.tools.eval.EntityEvaluation;
import io.newsflow.tools.eval.GarbledVariants;
import io.newsflow.tools.eval.GoldFile;
import io.newsflow.tools.eval.GoldStory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/newsflow train linker}: the entity-linking ranker ({@link LinkRanker}), a logistic regression over
 * {@link LinkFeatures} of every candidate identity of every mention cluster, learned from openly published news
 * with Wikidata links (ELEVANT's copies of Reuters-128, RSS-500, MSNBC and News-Fair) and a copy of them with
 * garbled names. The regularisation and the NIL threshold are chosen on the development file (AIDA-CoNLL testa,
 * whose terms allow tuning on it, not training), scored with the evaluation's own counts; its figures are
 * development figures.
 */
public final class LinkerTrainer {

  /**
   * What a wrong link costs in right links, for choosing the threshold: a wrong identity sends a desk an alert
   * about someone else, a missing one loses an alert (a subscription by name still matches the name).
   */
  static final double WRONG_COST = 1.5;
  private static final double[] COSTS = {0.03, 0.1, 0.3, 1, 3};
  private static final double[] THRESHOLDS = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
  /** The garbled training copy's seed; the evaluation's garbled copy uses {@link EntityEvaluation#GARBLE_SEED}. */
  static final long TRAIN_GARBLE_SEED = 20_261_205L;

  /** One training row: a candidate's features and whether it is the gold identity. */
  record Row(double[] x, boolean gold) {}

  public void run(List<Path> trainFiles, Path devFile, Path out, PrintStream log) throws IOException {
    run(trainFiles, null, devFile, out, log);
  }

  /** Trains on the files ({@code corpus}: where offsets-only gold finds its text), tunes on the dev file. */
  public void run(List<Path> trainFiles, Path corpus, Path devFile, Path out, PrintStream log) throws IOException {
    for (Path file : trainFiles) {
      if (Files.isSameFile(file, devFile)) {
        // the development file is for tuning and reporting; a ranker trained on it would report itself
        throw new IllegalArgumentException("The development file cannot also be a training file: " + file);
      }
    }
    KnowledgeBaseEntityTagger tagger = KnowledgeBaseEntityTagger.load().withRanker(null);
    GarbledVariants trainGarbler = new GarbledVariants(EntityEvaluation.GARBLE_RATE, TRAIN_GARBLE_SEED);
    List<Row> rows = new ArrayList<>();
    List<String> trainNames = new ArrayList<>();
    int cases = 0;
    int inBase = 0;
    int reachable = 0;
    for (Path file : trainFiles) {
      List<GoldStory> stories = LinkingGold.read(file, corpus);
      long links = stories.stream().flatMap(s -> s.entities().stream()).filter(m -> m.qid() != null).count();
      log.printf(Locale.ROOT, "train: %s (%d bytes): %d stories, %d linked gold mentions%n", file.getFileName(),
          Files.size(file), stories.size(), links);
      trainNames.add(String.format(Locale.ROOT, "%s (%d stories, %d links)", file.getFileName(), stories.size(),
          links));
      for (GoldStory story : stories) {
        int[] counts = rows(tagger, story, rows);
        rows(tagger, trainGarbler.garble(story), rows);
        cases += counts[0];
        inBase += counts[1];
        reachable += counts[2];
      }
    }
    log.printf(Locale.ROOT, "clusters with a gold mention: %d; gold identity in the base: %d, among the candidates: %d "
        + "(%.1f%%); %d candidate rows with the garbled copy (seed %d)%n", cases, inBase, reachable,
        100.0 * reachable / Math.max(1, inBase), rows.size(), TRAIN_GARBLE_SEED);
    List<GoldStory> dev = GoldFile.read(devFile);
    List<GoldStory> devGarbled = dev.stream()
        .map(new GarbledVariants(EntityEvaluation.GARBLE_RATE, EntityEvaluation.GARBLE_SEED)::garble).toList();
    log.printf(Locale.ROOT, "dev: %s (%d bytes): %d stories%n", devFile.getFileName(), Files.size(devFile),
        dev.size());
    log.println("dev, rules alone (no ranker): " + new EntityEvaluation(tagger).score(dev).linkingSummary());

    double bestObjective = Double.NEGATIVE_INFINITY;
    double bestCost = 0;
    double bestThreshold = 0;
    EntityEvaluation.Scores bestClean = null;
    EntityEvaluation.Scores bestGarbled = null;
    for (double cost : COSTS) {
      LinkRanker ranker = train(rows, cost, 0.5, List.of());
      for (double t : THRESHOLDS) {
        EntityEvaluation evaluation = new EntityEvaluation(tagger.withRanker(ranker.withThreshold(t)));
        EntityEvaluation.Scores clean = evaluation.score(dev);
        EntityEvaluation.Scores garbled = evaluation.score(devGarbled);
        log.printf(Locale.ROOT, "C %.2f threshold %.2f: %s | garbled right %d wrong %d%n", cost, t,
            clean.linkingSummary(), garbled.linksRight(), garbled.wrongLinksMade());
        double objective = clean.linksRight() - WRONG_COST * clean.wrongLinksMade();
        if (objective > bestObjective) {
          bestObjective = objective;
          bestCost = cost;
          bestThreshold = t;
          bestClean = clean;
          bestGarbled = garbled;
        }
      }
    }
    log.printf(Locale.ROOT, "chosen on dev (right - %.1f x wrong): C %.2f, threshold %.2f%n", WRONG_COST, bestCost,
        bestThreshold);
    log.println("dev, as written: " + bestClean.linkingSummary());
    log.println("dev, garbled copy: " + bestGarbled.linkingSummary());

    List<String> provenance = List.of(
        "newsflow entity-linking ranker: logistic regression (liblinear L2R_LR) over LinkFeatures",
        String.format(Locale.ROOT, "trained %s by bin/newsflow train linker --dev %s --train %s", LocalDate.now(),
            devFile.getFileName(), String.join(" --train ", trainFiles.stream().map(f -> f.getFileName().toString())
                .toList())),
        "train: " + String.join(", ", trainNames) + String.format(Locale.ROOT,
            " and a garbled copy (seed %d): %d candidate rows", TRAIN_GARBLE_SEED, rows.size()),
        String.format(Locale.ROOT, "C %.2f and threshold %.2f chosen on dev %s (right - %.1f x wrong)", bestCost,
            bestThreshold, devFile.getFileName(), WRONG_COST),
        "dev (tuned on): " + bestClean.linkingSummary(),
        "dev garbled copy: " + bestGarbled.linkingSummary());
    LinkRanker model = train(rows, bestCost, bestThreshold, provenance);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      model.write(w);
    }
    log.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
  }

  /**
   * Adds the story's candidate rows; returns the number of clusters with a gold mention, of those whose gold
   * identity is in the base, and of those whose gold identity is among the candidates. A cluster's gold identity is the most frequent gold link of its mentions
   * (NIL counts as one); clusters with no gold mention (spurious names) teach nothing and are left out.
   */
  static int[] rows(KnowledgeBaseEntityTagger tagger, GoldStory story, List<Row> rows) {
    Map<String, GoldStory.GoldMention> gold = new HashMap<>();
    for (GoldStory.GoldMention g : story.entities()) {
      gold.put(g.start() + ":" + g.end(), g);
    }
    int cases = 0;
    int inBase = 0;
    int reachable = 0;
    for (LinkingCase c : tagger.linkingCases(EntityEvaluation.articleOf(story))) {
      Map<String, Integer> votes = new HashMap<>();
      for (Mention m : c.cluster().mentions()) {
        GoldStory.GoldMention g = gold.get(m.start() + ":" + m.end());
        if (g != null) {
          votes.merge(g.qid() == null ? "" : g.qid(), 1, Integer::sum);
        }
      }
      if (votes.isEmpty()) {
        continue;
      }
      String label = Collections.max(votes.entrySet(), Map.Entry.comparingByValue()).getKey();
      if (!label.isEmpty() && tagger.knowledgeBase().byId(label) == null) {
        label = ""; // linked in gold to an identity the base lacks: for the base, NIL
      }
      cases++;
      if (!label.isEmpty()) {
        inBase++;
      }
      boolean found = false;
      for (int i = 0; i < c.candidates().size(); i++) {
        KbEntry e = c.candidates().get(i);
        boolean isGold = e.id().equals(label);
        found |= isGold;
        rows.add(new Row(c.features()[i], isGold));
      }
      if (found) {
        reachable++;
      }
    }
    return new int[] {cases, inBase, reachable};
  }

  static LinkRanker train(List<Row> rows, double cost, double threshold, List<String> provenance) {
    int n = LinkFeatures.NAMES.size();
    Problem problem = new Problem();
    problem.l = rows.size();
    problem.n = n;
    problem.bias = -1; // the features have their own bias
    problem.x = new Feature[rows.size()][];
    problem.y = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      double[] x = rows.get(r).x();
      List<Feature> nodes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (x[i] != 0) {
          nodes.add(new FeatureNode(i + 1, x[i]));
        }
      }
      problem.x[r] = nodes.toArray(new Feature[0]);
      problem.y[r] = rows.get(r).gold() ? 1 : 0;
    }
    Linear.disableDebugOutput();
    Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
    double[] w = model.getFeatureWeights();
    // liblinear's weights score its first label: turn them to score the gold class
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    Map<String, Double> weights = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      weights.put(LinkFeatures.NAMES.get(i), sign * w[i]);
    }
    return new LinkRanker(weights, threshold, provenance);
  }
}

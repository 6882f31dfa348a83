package io.newsflow.tools.train.stance;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.coref.CompanyForms;
import io.newsflow.nlp.Models;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.model.TextField;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.nlp.stance.LearnedStanceTagger;
import io.newsflow.nlp.stance.RuleStanceTagger;
import io.newsflow.nlp.stance.StanceCandidates;
import io.newsflow.nlp.stance.StanceCandidates.Candidate;
import io.newsflow.nlp.stance.StanceModel;
import io.newsflow.tools.eval.StanceCorpusEvaluation;
import io.newsflow.tools.eval.StanceEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/newsflow train stance}: trains the stance classifier on real-news gold with offsets into the corpus
 * (eval/stance-real): every holder candidate of every sentence is labelled with the polarity of the gold stance
 * of the same holder in that sentence, or none; an averaged perceptron (fixed seed, 5 or 10 passes) and
 * one-vs-rest L2 logistic regressions (liblinear, several costs, with and without more weight on the rarer
 * polarities) learn from the training split; the learner, the
 * decision threshold and whether the rules' stances are kept too are chosen on the development split by the F1 of
 * the stance evaluation ({@link StanceCorpusEvaluation}). Prints data names and sizes, the development scores,
 * the chosen model's decisions on the development candidates, and the ceiling a perfect classifier over these
 * candidates would reach on the development split.
 */
@Command(name = "stance", mixinStandardHelpOptions = true,
    description = "Train the stance classifier on --train, choose passes and threshold on --dev, write --out.")
public final class StanceTraining implements Callable<Integer> {

  private static final long SEED = 14;
  private static final int[] EPOCHS = {5, 10};
  private static final double[] THRESHOLDS = {-20, -10, -5, 0, 5, 10, 20};
  /** Costs of the logistic regression, and thresholds on its log-odds. */
  private static final double[] COSTS = {0.1, 0.3, 1};
  private static final double[] LR_THRESHOLDS = {-3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5};
  /** Features seen fewer times than this in training are left out. */
  private static final int MIN_COUNT = 2;

  @Option(names = "--train", required = true, description = "training gold (gold-train.jsonl)")
  Path train;

  @Option(names = "--dev", required = true, description = "development gold (gold-dev.jsonl), for passes and threshold")
  Path dev;

  @Option(names = "--corpus", defaultValue = "../shared/corpus/reuters21578.jsonl",
      description = "the corpus the gold points into (default: ${DEFAULT-VALUE})")
  Path corpus;

  @Option(names = "--out", required = true, description = "model file to write (gzip TSV of hashes and weights)")
  Path out;

  /** One labelled candidate: hashed features and label index (0 none, else polarity ordinal + 1). */
  private record Example(int[] features, int label) {}

  @Override
  public Integer call() {
    EntityTagger entities = new CachingEntityTagger(Models.entities());
    StanceCandidates candidates = StanceCandidates.load();
    RuleStanceTagger rules = RuleStanceTagger.load();
    KnowledgeBase kb = KnowledgeBase.shared();
    List<JsonNode> stories = StanceEvaluation.read(train);
    Labelled labelled = labelled(train, entities, candidates, kb);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < labelled.candidates().size(); i++) {
      Gold g = labelled.labels().get(i);
      examples.add(new Example(hashes(labelled.candidates().get(i).features()),
          g == null ? 0 : g.polarity().ordinal() + 1));
    }
    int goldCount = labelled.gold();
    int covered = labelled.reached();
    System.out.printf(Locale.ROOT, "train: %s (%d stories, %d stances; %d reachable by a candidate), %d candidates, "
        + "%d with a stance%n", train.getFileName(), stories.size(), goldCount, covered, examples.size(),
        examples.stream().filter(e -> e.label() > 0).count());
    Map<Integer, Integer> counts = new HashMap<>();
    examples.forEach(e -> { for (int f : e.features()) { counts.merge(f, 1, Integer::sum); } });
    StanceModel best = null;
    StanceCorpusEvaluation.Summary bestScore = null;
    String bestLearner = null;
    Map<String, StanceModel> learners = new LinkedHashMap<>();
    for (int epochs : EPOCHS) {
      learners.put("averaged perceptron, " + epochs + " passes", train(examples, counts, epochs));
    }
    for (double cost : COSTS) {
      learners.put("logistic regression (liblinear L2R_LR), C " + cost, logistic(examples, counts, cost, false));
      learners.put("logistic regression (liblinear L2R_LR), rarer polarities weighted, C " + cost,
          logistic(examples, counts, cost, true));
    }
    for (Map.Entry<String, StanceModel> learner : learners.entrySet()) {
      double[] thresholds = learner.getKey().startsWith("logistic") ? LR_THRESHOLDS : THRESHOLDS;
      for (boolean withRules : new boolean[] {false, true}) {
        for (double threshold : thresholds) {
          StanceModel m = learner.getValue().withThreshold(threshold, withRules);
          StanceCorpusEvaluation.Summary s = quietly(new StanceCorpusEvaluation(entities,
              new LearnedStanceTagger(candidates, m, rules), kb));
          System.out.printf(Locale.ROOT, "dev: %s, threshold %5.2f rules %-5s  P %.3f R %.3f F1 %.3f"
              + " wrong polarity %.1f %%%n", learner.getKey(), threshold, withRules, s.precision(), s.recall(),
              s.f1(), 100 * s.wrongPolarityShare());
          if (bestScore == null || s.f1() > bestScore.f1()) {
            best = m;
            bestScore = s;
            bestLearner = learner.getKey();
          }
        }
      }
    }
    String version = String.format(Locale.ROOT, "learned stance: %s over holder-sentence candidates,"
        + " trained on %s (%d stories, %d stances, %d candidates), seed %d, %d weights, threshold %.2f"
        + "%s; dev %s F1 %.3f (P %.3f, R %.3f)", bestLearner, train.getFileName(), stories.size(), goldCount,
        examples.size(), SEED, best.size(), best.threshold(), best.withRules() ? ", with the rules' stances" : "",
        dev.getFileName(), bestScore.f1(), bestScore.precision(),
        bestScore.recall());
    best = best.withVersion(version);
    best.write(out);
    System.out.println("chosen: " + version);
    System.out.println("wrote " + out);
    new StanceCorpusEvaluation(entities, new LearnedStanceTagger(candidates, best, rules), kb)
        .run(dev, corpus, false, System.out);
    candidateConfusion(best, entities, candidates, kb);
    System.out.println("ceiling: the development split scored with every candidate labelled from its gold"
        + " (what a perfect classifier over these candidates and holder names would reach)");
    new StanceCorpusEvaluation(entities, oracle(candidates, kb), kb).run(dev, corpus, false, System.out);
    return 0;
  }

  /**
   * The chosen model's decisions on the development split's candidates against their labels (rows: label,
   * none first; columns: decision), and how many gold stances no candidate stands for.
   */
  private void candidateConfusion(StanceModel model, EntityTagger entities, StanceCandidates candidates,
                                  KnowledgeBase kb) {
    Labelled labelled = labelled(dev, entities, candidates, kb);
    int[][] confusion = new int[StanceModel.LABELS][StanceModel.LABELS];
    for (int i = 0; i < labelled.candidates().size(); i++) {
      Gold g = labelled.labels().get(i);
      Polarity p = model.decide(model.scores(labelled.candidates().get(i).features()));
      confusion[g == null ? 0 : g.polarity().ordinal() + 1][p == null ? 0 : p.ordinal() + 1]++;
    }
    int reached = labelled.reached();
    int golds = labelled.gold();
    System.out.printf(Locale.ROOT, "dev candidates (the classifier alone; rows: label, columns: decision; order"
        + " none, %s); %d of %d gold stances have a candidate%n", Arrays.toString(Polarity.values()),
        reached, golds);
    for (int[] row : confusion) {
      System.out.println("  " + Arrays.toString(row));
    }
  }

  /**
   * The candidates of a gold file's stories, each with the gold stance it stands for (or null), with the number
   * of gold stances and of those some candidate stands for.
   */
  private record Labelled(List<Candidate> candidates, List<Gold> labels, int gold, int reached) {}

  private Labelled labelled(Path gold, EntityTagger entities, StanceCandidates candidates, KnowledgeBase kb) {
    List<JsonNode> stories = StanceEvaluation.read(gold);
    Map<String, JsonNode> texts = StanceCorpusEvaluation.corpus(corpus,
        stories.stream().map(s -> s.get("id").asText()).toList());
    List<Candidate> all = new ArrayList<>();
    List<Gold> labels = new ArrayList<>();
    int count = 0;
    int reached = 0;
    for (JsonNode story : stories) {
      JsonNode raw = texts.get(story.get("id").asText());
      if (raw == null) {
        throw new IllegalArgumentException("story " + story.get("id").asText() + " is not in " + corpus);
      }
      ArticleText text = article(raw);
      List<Gold> golds = gold(text, story.get("stances"));
      count += golds.size();
      List<Gold> seen = new ArrayList<>();
      for (Candidate c : candidates.read(text, entities.tag(text)).candidates()) {
        Gold g = label(c, golds, kb);
        if (g != null && !seen.contains(g)) {
          seen.add(g);
        }
        all.add(c);
        labels.add(g);
      }
      reached += seen.size();
    }
    return new Labelled(all, labels, count, reached);
  }

  /** A tagger that keeps exactly the development split's candidates that stand for a gold stance. */
  private StanceTagger oracle(StanceCandidates candidates, KnowledgeBase kb) {
    List<JsonNode> stories = StanceEvaluation.read(dev);
    Map<String, JsonNode> texts = StanceCorpusEvaluation.corpus(corpus,
        stories.stream().map(s -> s.get("id").asText()).toList());
    Map<ArticleText, List<Gold>> goldByText = new HashMap<>();
    for (JsonNode story : stories) {
      ArticleText text = article(texts.get(story.get("id").asText()));
      goldByText.put(text, gold(text, story.get("stances")));
    }
    return (text, found) -> {
      List<Stance> out = new ArrayList<>();
      for (Candidate c : candidates.read(text, found).candidates()) {
        Gold g = label(c, goldByText.get(text), kb);
        if (g != null) {
          out.add(new Stance(c.holder(), c.onBehalfOf(), c.target(), null, g.polarity(), 1, c.sentence(), null));
        }
      }
      return new StanceTagger.Result(List.of(), out);
    };
  }

  private static ArticleText article(JsonNode raw) {
    return new ArticleText(raw.path("title").asText(""), raw.path("body").asText(""), "en",
        StanceCorpusEvaluation.date(raw.path("published").asText(null)));
  }

  private StanceCorpusEvaluation.Summary quietly(StanceCorpusEvaluation evaluation) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    return evaluation.run(dev, corpus, false, new PrintStream(sink, true, StandardCharsets.UTF_8));
  }

  /** Averaged multi-class perceptron; examples shuffled with a fixed seed each pass. */
  private static StanceModel train(List<Example> examples, Map<Integer, Integer> counts, int epochs) {
    int labels = StanceModel.LABELS;
    Map<Integer, float[]> w = new HashMap<>();
    Map<Integer, float[]> acc = new HashMap<>();
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(SEED);
    int step = 1;
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (Example e : order) {
        double[] s = new double[labels];
        for (int f : e.features()) {
          float[] v = w.get(f);
          if (v != null) {
            for (int k = 0; k < labels; k++) {
              s[k] += v[k];
            }
          }
        }
        int predicted = 0;
        for (int k = 1; k < labels; k++) {
          if (s[k] > s[predicted]) {
            predicted = k;
          }
        }
        if (predicted != e.label()) {
          for (int f : e.features()) {
            if (counts.getOrDefault(f, 0) < MIN_COUNT) {
              continue;
            }
            float[] v = w.computeIfAbsent(f, k -> new float[labels]);
            float[] a = acc.computeIfAbsent(f, k -> new float[labels]);
            v[e.label()] += 1;
            v[predicted] -= 1;
            a[e.label()] += step;
            a[predicted] -= step;
          }
        }
        step++;
      }
    }
    Map<Integer, float[]> averaged = new HashMap<>();
    for (Map.Entry<Integer, float[]> entry : w.entrySet()) {
      float[] v = entry.getValue();
      float[] a = acc.get(entry.getKey());
      float[] avg = new float[labels];
      boolean any = false;
      for (int k = 0; k < labels; k++) {
        avg[k] = v[k] - a[k] / step;
        any |= Math.abs(avg[k]) > 1e-3;
      }
      if (any) {
        averaged.put(entry.getKey(), avg);
      }
    }
    return new StanceModel(averaged, 0, "", false);
  }

  /**
   * One-vs-rest L2-regularised logistic regression (liblinear): one weight vector per label, so that a label's
   * score is its log-odds against the rest; features seen fewer than {@link #MIN_COUNT} times are left out.
   */
  private static StanceModel logistic(List<Example> examples, Map<Integer, Integer> counts, double cost,
                                      boolean weighted) {
    Map<Integer, Integer> index = new HashMap<>();
    List<Integer> hashOf = new ArrayList<>();
    Problem problem = new Problem();
    problem.l = examples.size();
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    problem.bias = -1; // every candidate has the feature "bias"
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      List<Integer> ids = new ArrayList<>();
      for (int f : e.features()) {
        if (counts.getOrDefault(f, 0) >= MIN_COUNT) {
          ids.add(index.computeIfAbsent(f, k -> {
            hashOf.add(k);
            return hashOf.size();
          }));
        }
      }
      Collections.sort(ids);
      problem.x[i] = ids.stream().map(id -> new FeatureNode(id, 1.0)).toArray(Feature[]::new);
      problem.y[i] = e.label();
    }
    problem.n = hashOf.size();
    Linear.disableDebugOutput();
    Linear.resetRandom();
    Parameter parameter = new Parameter(SolverType.L2R_LR, cost, 0.001);
    if (weighted) {
      // rarer polarities weigh more: each label's cost times the square root of how much rarer than "none" it is
      int[] perLabel = new int[StanceModel.LABELS];
      examples.forEach(e -> perLabel[e.label()]++);
      List<Integer> labels = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (int k = 0; k < perLabel.length; k++) {
        if (perLabel[k] > 0) {
          labels.add(k);
          weights.add(Math.sqrt((double) perLabel[0] / perLabel[k]));
        }
      }
      parameter.setWeights(weights.stream().mapToDouble(Double::doubleValue).toArray(),
          labels.stream().mapToInt(Integer::intValue).toArray());
    }
    Model model = Linear.train(problem, parameter);
    int[] labels = model.getLabels();
    double[] w = model.getFeatureWeights();
    int classes = model.getNrClass();
    Map<Integer, float[]> weights = new HashMap<>();
    for (int feature = 0; feature < problem.n; feature++) {
      float[] v = new float[StanceModel.LABELS];
      boolean any = false;
      for (int c = 0; c < classes; c++) {
        double weight = classes == 2 ? (c == 0 ? w[feature] : -w[feature]) : w[feature * classes + c];
        v[labels[c]] = (float) weight;
        any |= Math.abs(weight) > 1e-6;
      }
      if (any) {
        weights.put(hashOf.get(feature), v);
      }
    }
    return new StanceModel(weights, 0, "", false);
  }

  private static int[] hashes(List<String> features) {
    return features.stream().mapToInt(StanceModel::hash).distinct().toArray();
  }

  /** A gold stance with its spans. */
  private record Gold(String holder, String holderQid, TextSpan mention, TextSpan evidence, Polarity polarity) {}

  private static List<Gold> gold(ArticleText text, JsonNode stances) {
    List<Gold> gold = new ArrayList<>();
    for (JsonNode g : stances) {
      JsonNode mention = g.get("holderMention");
      gold.add(new Gold(g.get("holder").asText(), g.hasNonNull("holderQid") ? g.get("holderQid").asText() : null,
          mention == null || mention.isNull() ? null : span(text, mention), span(text, g.get("evidence")),
          Polarity.valueOf(g.get("polarity").asText())));
    }
    return gold;
  }

  private static TextSpan span(ArticleText text, JsonNode span) {
    TextField field = "headline".equals(span.get("field").asText()) ? TextField.HEADLINE : TextField.BODY;
    return text.span(field, span.get("start").asInt(), span.get("end").asInt());
  }

  /** The gold stance a candidate stands for: same sentence and same holder (by mention, id, name or surname). */
  private static Gold label(Candidate c, List<Gold> golds, KnowledgeBase kb) {
    for (Gold g : golds) {
      if (c.sentence().overlaps(g.evidence()) && ((g.mention() != null && c.mention().overlaps(g.mention()))
          || sameHolder(c.holder(), g, kb))) {
        return g;
      }
    }
    return null;
  }

  private static boolean sameHolder(EntityRef found, Gold g, KnowledgeBase kb) {
    if (g.holderQid() != null && g.holderQid().equals(found.id())) {
      return true;
    }
    // the guideline's canonical name of a company drops the designator ("Texaco Inc" is "Texaco")
    String foundKey = CompanyForms.withoutDesignators(Names.key(found.name()));
    String goldKey = CompanyForms.withoutDesignators(Names.key(g.holder()));
    if (foundKey.isEmpty() || goldKey.isEmpty()) {
      return false;
    }
    if (foundKey.equals(goldKey) || (foundKey.indexOf(' ') < 0 && goldKey.endsWith(" " + foundKey))
        || (goldKey.indexOf(' ') < 0 && foundKey.endsWith(" " + goldKey))) {
      return true;
    }
    for (KbEntry e : kb.byName(found.name())) {
      if (e.id().equals(g.holderQid()) || CompanyForms.withoutDesignators(Names.key(e.name())).equals(goldKey)) {
        return true;
      }
    }
    return false;
  }

  /** Tags each article once: training reads the development stories many times. */
  private static final class CachingEntityTagger implements EntityTagger {
    private final EntityTagger tagger;
    private final Map<ArticleText, List<Entity>> cache = new ConcurrentHashMap<>();

    CachingEntityTagger(EntityTagger tagger) {
      this.tagger = tagger;
    }

    @Override
    public List<Entity> tag(ArticleText text) {
      return cache.computeIfAbsent(text, tagger::tag);
    }
  }
}

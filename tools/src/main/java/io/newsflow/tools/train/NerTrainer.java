package io.newsflow.tools.train;

import io.newsflow.kb.EntityType;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.recognition.LongIntTable;
import io.newsflow.nlp.entities.recognition.NerDocument;
import io.newsflow.nlp.entities.recognition.NerLabels;
import io.newsflow.nlp.entities.recognition.NerModel;
import io.newsflow.nlp.entities.recognition.PerceptronRecognizer;
import io.newsflow.nlp.entities.recognition.Viterbi;
import io.newsflow.tools.eval.GarbledVariants;
import io.newsflow.tools.eval.GoldFile;
import io.newsflow.tools.eval.GoldStory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * Trains the name recogniser ({@code bin/newsflow train ner}): a structured averaged perceptron over
 * {@link NerDocument}'s hashed features with Viterbi decoding, on CoNLL-style JSON lines
 * {@code {"id","text","entities":[{"start","end","type"}]}}, tokenised as the product tokenises. Prints the data,
 * then per member and epoch the development precision, recall and F1 (exact span and type, recogniser alone);
 * keeps each member's best epoch's averaged weights, writes their mean as the model file.
 */
public final class NerTrainer {

  private static final int L = NerLabels.COUNT;

  private final int hashBits;
  private final int epochs;
  private final long seed;
  private final int garbledCopies;
  private final int members;

  /**
   * @param garbledCopies copies of the training stories added with half their names garbled ({@link GarbledVariants},
   *                      seeded from {@code seed}), so that misspelt names are learnt from their context
   * @param members       perceptrons trained on the same data in different orders (seeds {@code seed},
   *                      {@code seed + 1}, …), in parallel; the model is the mean of their weights
   */
  public NerTrainer(int hashBits, int epochs, long seed, int garbledCopies, int members) {
    if (members < 1) {
      throw new IllegalArgumentException("members must be at least 1: " + members);
    }
    this.hashBits = hashBits;
    this.epochs = epochs;
    this.seed = seed;
    this.garbledCopies = garbledCopies;
    this.members = members;
  }

  /** A story, its tokens' gold labels in {@link NerDocument} order. */
  private record Example(GoldStory story, int[] gold) {}

  public void run(Path train, Path dev, Path clusterFile, Path out, PrintStream log) throws IOException {
    List<GoldStory> stories = new ArrayList<>(GoldFile.read(train));
    int original = stories.size();
    for (int copy = 1; copy <= garbledCopies; copy++) {
      GarbledVariants garbler = new GarbledVariants(0.5, seed + copy);
      for (int i = 0; i < original; i++) {
        stories.add(garbler.garble(stories.get(i)));
      }
    }
    List<Example> trainSet = examples(stories);
    List<GoldStory> devSet = GoldFile.read(dev);
    log.printf(Locale.ROOT, "train: %s: %d stories + %d garbled copies, %d tokens (newsflow tokenisation), "
        + "%d entity mentions%n", train.getFileName(), original, garbledCopies, trainSet.stream().mapToInt(e -> e.gold.length).sum(),
        trainSet.stream().mapToInt(e -> e.story.entities().size()).sum());
    log.printf(Locale.ROOT, "dev:   %s: %d stories, %d entity mentions%n", dev.getFileName(), devSet.size(),
        devSet.stream().mapToInt(s -> s.entities().size()).sum());
    LongIntTable clusters = readClusters(clusterFile);
    LongIntTable names = gazetteer(KnowledgeBase.shared());
    log.printf(Locale.ROOT, "clusters: %s: %d words; gazetteer: %d names from the knowledge base%n",
        clusterFile.getFileName(), clusters.size(), names.size());

    int mask = (1 << hashBits) - 1;
    List<Member> trained = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(members,
        Runtime.getRuntime().availableProcessors())));
    try {
      List<Future<Member>> futures = new ArrayList<>();
      for (int m = 0; m < members; m++) {
        long memberSeed = seed + m;
        futures.add(pool.submit(() -> trainMember(memberSeed, trainSet, devSet, mask, clusters, names, log)));
      }
      for (Future<Member> f : futures) {
        trained.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Training interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("Training failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    float[] best = mean(trained.stream().map(Member::weights).toList());
    float[] bestT = mean(trained.stream().map(Member::transitions).toList());
    double[] prf = evaluate(devSet, best, bestT, mask, clusters, names);
    StringBuilder chosen = new StringBuilder();
    for (Member member : trained) {
      chosen.append(chosen.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "seed %d epoch %d (%.4f)",
          member.seed, member.epoch, member.devF1));
    }
    log.printf(Locale.ROOT, "mean of %d perceptrons' weights: dev P %.4f R %.4f F1 %.4f%n", members, prf[0], prf[1],
        prf[2]);
    float max = 0;
    for (float v : best) {
      max = Math.max(max, Math.abs(v));
    }
    String provenance = String.format(Locale.ROOT,
        "newsflow-ner perceptron: trained on %s (CoNLL-2003 English train, %d stories); clusters %s; gazetteer: "
            + "newsflow knowledge base; %d garbled copies; %d hash bits; mean of %d members, each the best of %d "
            + "epochs: %s; dev %s F1 %.4f",
        train.getFileName(), original, clusterFile.getFileName(), garbledCopies, hashBits, members, epochs, chosen,
        dev.getFileName(), prf[2]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    int kept;
    try (OutputStream o = Files.newOutputStream(out)) {
      kept = NerModel.write(o, provenance, hashBits, best, bestT, clusters, names, max / Short.MAX_VALUE * 2);
    }
    log.println("model: " + provenance);
    log.printf(Locale.ROOT, "wrote %s (%d bytes, %d weights kept of %d)%n", out, Files.size(out), kept, best.length);
  }

  /** One perceptron's best epoch: its averaged weights and transitions, and its development F1. */
  private record Member(long seed, int epoch, double devF1, float[] weights, float[] transitions) {}

  /** Trains one perceptron, the training stories shuffled by {@code memberSeed}; keeps its best epoch on dev. */
  private Member trainMember(long memberSeed, List<Example> trainSet, List<GoldStory> devSet, int mask,
                             LongIntTable clusters, LongIntTable names, PrintStream log) {
    int size = (1 << hashBits) * L;
    float[] w = new float[size];
    float[] acc = new float[size];
    float[] t = new float[(L + 1) * L];
    float[] tAcc = new float[(L + 1) * L];
    Member best = null;
    long c = 1;
    NerDocument doc = new NerDocument();
    Viterbi viterbi = new Viterbi();
    float[] emission = new float[512 * L];
    int[] predicted = new int[512];
    Random random = new Random(memberSeed);
    List<Example> order = new ArrayList<>(trainSet);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      long started = System.nanoTime();
      Collections.shuffle(order, random);
      int errors = 0;
      for (Example ex : order) {
        doc.read(ex.story.text());
        for (int s = 0; s < doc.sentences(); s++) {
          int from = doc.sentenceStart(s);
          int n = doc.sentenceEnd(s) - from;
          doc.extract(s, clusters, names);
          int[] f = doc.features();
          for (int i = 0; i < n; i++) {
            score(w, mask, f, i * NerDocument.MAX_FEATURES, doc.featureCount(i), emission, i * L);
          }
          viterbi.decode(emission, n, t, predicted);
          for (int i = 0; i < n; i++) {
            int g = ex.gold[from + i];
            int p = predicted[i];
            int gPrev = i == 0 ? L : ex.gold[from + i - 1];
            int pPrev = i == 0 ? L : predicted[i - 1];
            if (g != p) {
              errors++;
              int base = i * NerDocument.MAX_FEATURES;
              for (int k = base; k < base + doc.featureCount(i); k++) {
                int b = (f[k] & mask) * L;
                w[b + g] += 1;
                acc[b + g] += c;
                w[b + p] -= 1;
                acc[b + p] -= c;
              }
            }
            if (g != p || gPrev != pPrev) {
              t[gPrev * L + g] += 1;
              tAcc[gPrev * L + g] += c;
              t[pPrev * L + p] -= 1;
              tAcc[pPrev * L + p] -= c;
            }
          }
          doc.remember(s, predicted);
          c++;
        }
      }
      float[] avg = average(w, acc, c);
      float[] avgT = average(t, tAcc, c);
      double[] prf = evaluate(devSet, avg, avgT, mask, clusters, names);
      log.printf(Locale.ROOT, "seed %d epoch %d: %d token errors on train; dev P %.4f R %.4f F1 %.4f (%.0f s)%n",
          memberSeed, epoch, errors, prf[0], prf[1], prf[2], (System.nanoTime() - started) / 1e9);
      if (best == null || prf[2] > best.devF1) {
        best = new Member(memberSeed, epoch, prf[2], avg, avgT);
      }
    }
    return best;
  }

  private static float[] mean(List<float[]> arrays) {
    float[] sum = new float[arrays.get(0).length];
    for (float[] a : arrays) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += a[i];
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= arrays.size();
    }
    return sum;
  }

  private static float[] average(float[] w, float[] acc, long c) {
    float[] avg = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      avg[i] = w[i] - acc[i] / c;
    }
    return avg;
  }

  private static void score(float[] w, int mask, int[] f, int offset, int count, float[] emission, int row) {
    for (int y = 0; y < L; y++) {
      emission[row + y] = 0;
    }
    for (int k = offset; k < offset + count; k++) {
      int b = (f[k] & mask) * L;
      for (int y = 0; y < L; y++) {
        emission[row + y] += w[b + y];
      }
    }
  }

  /** Precision, recall, F1 of exact spans and types on the development stories. */
  private static double[] evaluate(List<GoldStory> stories, float[] w, float[] t, int mask, LongIntTable clusters,
                                   LongIntTable names) {
    NerDocument doc = new NerDocument();
    Viterbi viterbi = new Viterbi();
    float[] emission = new float[512 * L];
    int[] labels = new int[512];
    long[] counts = new long[2]; // predicted, right
    long goldCount = 0;
    for (GoldStory story : stories) {
      java.util.Set<String> gold = new java.util.HashSet<>();
      for (GoldStory.GoldMention g : story.entities()) {
        gold.add(g.start() + ":" + g.end() + ":" + g.type());
      }
      goldCount += gold.size();
      doc.read(story.text());
      for (int s = 0; s < doc.sentences(); s++) {
        int from = doc.sentenceStart(s);
        int n = doc.sentenceEnd(s) - from;
        doc.extract(s, clusters, names);
        for (int i = 0; i < n; i++) {
          score(w, mask, doc.features(), i * NerDocument.MAX_FEATURES, doc.featureCount(i), emission, i * L);
        }
        viterbi.decode(emission, n, t, labels);
        doc.remember(s, labels);
        PerceptronRecognizer.forEachName(doc, s, labels, (start, end, label) -> {
          counts[0]++;
          if (gold.contains(start + ":" + end + ":" + NerLabels.typeCode(label))) {
            counts[1]++;
          }
        });
      }
    }
    double p = counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
    double r = goldCount == 0 ? 0 : (double) counts[1] / goldCount;
    return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
  }

  /** Gold BIO labels of each token: a token inside a gold mention takes its type. */
  private static List<Example> examples(List<GoldStory> stories) {
    List<Example> out = new ArrayList<>(stories.size());
    NerDocument doc = new NerDocument();
    for (GoldStory story : stories) {
      doc.read(story.text());
      int[] gold = new int[doc.size()];
      int m = 0;
      List<GoldStory.GoldMention> mentions = new ArrayList<>(story.entities());
      mentions.sort(java.util.Comparator.comparingInt(GoldStory.GoldMention::start));
      for (int tok = 0; tok < doc.size(); tok++) {
        while (m < mentions.size() && mentions.get(m).end() <= doc.start(tok)) {
          m++;
        }
        if (m < mentions.size() && mentions.get(m).start() < doc.end(tok)) {
          GoldStory.GoldMention g = mentions.get(m);
          boolean inside = tok > 0 && doc.start(tok - 1) >= g.start() && gold[tok - 1] != NerLabels.OUTSIDE;
          gold[tok] = NerLabels.of(g.type(), inside);
        }
      }
      out.add(new Example(story, gold));
    }
    return out;
  }

  /** The knowledge base's names and demonyms as gazetteer keys, with their kinds as bits. */
  static LongIntTable gazetteer(KnowledgeBase kb) {
    LongIntTable names = new LongIntTable(1 << 19);
    for (KbEntry e : kb.entries()) {
      int bits = switch (e.type()) {
        case PERSON -> NerDocument.GAZ_PERSON;
        case ORGANIZATION -> NerDocument.GAZ_ORGANIZATION;
        case LOCATION -> NerDocument.GAZ_LOCATION;
        default -> NerDocument.GAZ_MISC;
      };
      if (e.kind().equals("country")) {
        bits |= NerDocument.GAZ_COUNTRY;
      } else if (e.kind().equals("city")) {
        bits |= NerDocument.GAZ_CITY;
      } else if (e.kind().startsWith("team")) {
        bits |= NerDocument.GAZ_TEAM;
      }
      List<String> all = new ArrayList<>(e.aliases());
      all.add(e.name());
      for (String name : all) {
        if (!Names.isLatin(name) || name.length() < 2) {
          continue;
        }
        long key = NerDocument.nameKey(name);
        if (key != 0) {
          names.put(key, names.get(key, 0) | bits);
        }
      }
    }
    for (String demonym : kb.demonymKeys()) {
      long key = NerDocument.nameKey(demonym);
      if (key != 0) {
        names.put(key, names.get(key, 0) | NerDocument.GAZ_DEMONYM);
      }
    }
    return names;
  }

  /** Reads {@code word TAB bits ...} lines (gzip); a word's cluster is its bit path with a leading 1. */
  static LongIntTable readClusters(Path file) throws IOException {
    LongIntTable clusters = new LongIntTable(1 << 15);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        int code = 1;
        for (int i = 0; i < f[1].length() && i < 30; i++) {
          code = code << 1 | (f[1].charAt(i) == '1' ? 1 : 0);
        }
        clusters.put(NerDocument.wordKey(f[0]), code);
      }
    }
    return clusters;
  }
}

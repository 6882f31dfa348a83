package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.Polarity;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A linear classifier over hashed candidate features: one weight per feature hash and label (NONE, then the
 * polarities). A candidate holds a stance when the best polarity outscores NONE by more than {@code threshold}.
 * The weights file holds hashes and numbers only, no words. Immutable; thread-safe.
 */
public final class StanceModel {

  /** Labels in weight order: index 0 is "no stance", then the polarities in enum order. */
  public static final int LABELS = Polarity.values().length + 1;
  /** The shipped model. */
  public static final String RESOURCE = "stance/model.tsv.gz";

  private final Map<Integer, float[]> weights;
  /** The same weights for scoring: open addressing over primitive arrays (no boxing, no entry objects). */
  private final int[] slotKeys;
  private final boolean[] slotUsed;
  private final float[] slotWeights;
  private final double threshold;
  private final String version;
  private final boolean withRules;

  /**
   * @param withRules whether the tagger also keeps the rules' stances ({@link RuleStanceTagger}) of holders and
   *                  sentences the classifier leaves out (chosen on the development split)
   */
  public StanceModel(Map<Integer, float[]> weights, double threshold, String version, boolean withRules) {
    this.weights = Map.copyOf(weights);
    int capacity = Integer.highestOneBit(Math.max(4, weights.size() * 2 - 1)) << 1;
    this.slotKeys = new int[capacity];
    this.slotUsed = new boolean[capacity];
    this.slotWeights = new float[capacity * LABELS];
    weights.forEach((key, w) -> {
      int slot = key & (capacity - 1);
      while (slotUsed[slot]) {
        slot = (slot + 1) & (capacity - 1);
      }
      slotUsed[slot] = true;
      slotKeys[slot] = key;
      System.arraycopy(w, 0, slotWeights, slot * LABELS, LABELS);
    });
    this.threshold = threshold;
    this.version = version;
    this.withRules = withRules;
  }

  /** The feature's hash: the key of its weights. */
  public static int hash(String feature) {
    int h = feature.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** Scores per label (index 0: none) for a candidate's features. */
  public double[] scores(List<String> features) {
    double[] s = new double[LABELS];
    int mask = slotKeys.length - 1;
    for (String f : features) {
      int key = hash(f);
      for (int slot = key & mask; slotUsed[slot]; slot = (slot + 1) & mask) {
        if (slotKeys[slot] == key) {
          int at = slot * LABELS;
          for (int k = 0; k < LABELS; k++) {
            s[k] += slotWeights[at + k];
          }
          break;
        }
      }
    }
    return s;
  }

  /** The polarity the scores give, or null for no stance. */
  public Polarity decide(double[] scores) {
    int best = 1;
    for (int k = 2; k < LABELS; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return scores[best] - scores[0] > threshold ? Polarity.values()[best - 1] : null;
  }

  public double threshold() {
    return threshold;
  }

  public String version() {
    return version;
  }

  public int size() {
    return weights.size();
  }

  public boolean withRules() {
    return withRules;
  }

  public StanceModel withThreshold(double newThreshold, boolean rules) {
    return new StanceModel(weights, newThreshold, version, rules);
  }

  public StanceModel withVersion(String newVersion) {
    return new StanceModel(weights, threshold, newVersion, withRules);
  }

  /** Loads the shipped model from the classpath. */
  public static StanceModel load() {
    InputStream in = StanceModel.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("The stance model " + RESOURCE + " is missing from the classpath");
    }
    return read(in, RESOURCE);
  }

  /** Reads a model file written by {@link #write(Path)}. */
  public static StanceModel read(Path file) {
    try {
      return read(Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the stance model " + file, e);
    }
  }

  private static StanceModel read(InputStream in, String name) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
        StandardCharsets.UTF_8))) {
      String version = "";
      double threshold = 0;
      boolean rules = false;
      Map<Integer, float[]> weights = new HashMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#version\t")) {
          version = line.substring("#version\t".length());
        } else if (line.startsWith("#threshold\t")) {
          threshold = Double.parseDouble(line.substring("#threshold\t".length()));
        } else if (line.startsWith("#rules\t")) {
          rules = Boolean.parseBoolean(line.substring("#rules\t".length()));
        } else if (!line.isBlank() && !line.startsWith("#")) {
          String[] cols = line.split("\t");
          float[] w = new float[LABELS];
          for (int k = 0; k < LABELS; k++) {
            w[k] = Float.parseFloat(cols[k + 1]);
          }
          weights.put(Integer.parseInt(cols[0]), w);
        }
      }
      return new StanceModel(weights, threshold, version, rules);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the stance model " + name, e);
    }
  }

  /** Writes the model (gzip TSV: a version and a threshold line, then hash and weights per line). */
  public void write(Path file) {
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      w.write("#version\t" + version + "\n");
      w.write("#threshold\t" + threshold + "\n");
      w.write("#rules\t" + withRules + "\n");
      for (Map.Entry<Integer, float[]> e : new java.util.TreeMap<>(weights).entrySet()) {
        StringBuilder b = new StringBuilder().append(e.getKey());
        for (float x : e.getValue()) {
          b.append('\t').append(String.format(Locale.ROOT, "%.4g", x));
        }
        w.write(b.append('\n').toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the stance model " + file, e);
    }
  }
}

package io.newsflow.nlp.entities.linking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learned ranker over {@link LinkFeatures}: a logistic regression that scores each candidate identity of a
 * cluster; the best candidate is linked when its score reaches the threshold, else the cluster keeps a local id
 * (NIL). Immutable and thread-safe. The model file is text: provenance comment lines, the threshold, one weight
 * per feature name (a name this code no longer computes is ignored, a feature the file lacks weighs nothing).
 */
public final class LinkRanker {

  public static final String RESOURCE = "linking/newsflow-linker.tsv";

  private final double[] weights;
  private final double threshold;
  private final List<String> provenance;

  public LinkRanker(Map<String, Double> weightsByName, double threshold, List<String> provenance) {
    this.weights = new double[LinkFeatures.NAMES.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = weightsByName.getOrDefault(LinkFeatures.NAMES.get(i), 0.0);
    }
    this.threshold = threshold;
    this.provenance = List.copyOf(provenance);
  }

  /** The shipped ranker, or null when the classpath has none (the rules then decide alone). */
  public static LinkRanker loadDefault() {
    try (InputStream in = LinkRanker.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? null : read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LinkRanker read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Double> weights = new LinkedHashMap<>();
    List<String> provenance = new ArrayList<>();
    Double threshold = null;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.startsWith("#")) {
        provenance.add(line.substring(1).strip());
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      switch (f[0]) {
        case "threshold" -> threshold = Double.parseDouble(f[1]);
        case "weight" -> weights.put(f[1], Double.parseDouble(f[2]));
        default -> throw new IOException("Unknown line in linker model: " + line);
      }
    }
    if (threshold == null) {
      throw new IOException("Linker model without a threshold");
    }
    return new LinkRanker(weights, threshold, provenance);
  }

  public void write(Writer out) throws IOException {
    for (String p : provenance) {
      out.write("# " + p + "\n");
    }
    out.write(String.format(Locale.ROOT, "threshold\t%.4f%n", threshold));
    for (int i = 0; i < weights.length; i++) {
      out.write(String.format(Locale.ROOT, "weight\t%s\t%.6f%n", LinkFeatures.NAMES.get(i), weights[i]));
    }
  }

  /** The probability-like score of one candidate's features. */
  public double score(double[] features) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * features[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  public double threshold() {
    return threshold;
  }

  /** The same weights with another threshold. */
  public LinkRanker withThreshold(double newThreshold) {
    Map<String, Double> byName = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      byName.put(LinkFeatures.NAMES.get(i), weights[i]);
    }
    return new LinkRanker(byName, newThreshold, provenance);
  }

  /** Where the weights came from: training data, command, seed, cross-validated scores. */
  public List<String> provenance() {
    return provenance;
  }
}

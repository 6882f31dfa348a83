package io.newsflow.tools.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.nlp.text.Token;
import io.newsflow.nlp.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Word clusters from unlabelled news ({@code bin/newsflow train clusters}): each frequent word is described by
 * the words written just before and after it (positive pointwise mutual information with the most frequent
 * words), and the words are split in two by cosine 2-means again and again; a word's cluster is its path of
 * splits as a bit string, so that prefixes of it are coarser clusters (as with Brown clusters).
 */
public final class ClusterBuilder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int vocabulary;
  private final int contexts;
  private final int depth;
  private final long seed;

  public ClusterBuilder(int vocabulary, int contexts, int depth, long seed) {
    this.vocabulary = vocabulary;
    this.contexts = contexts;
    this.depth = depth;
    this.seed = seed;
  }

  /** Reads the corpus (JSON lines with "title" and "body"), clusters its words and writes {@code word TAB bits TAB count}. */
  public void run(Path corpus, Path out, PrintStream log) throws IOException {
    List<String[]> texts = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    long tokens = 0;
    int stories = 0;
    try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        for (String field : new String[] {"title", "body"}) {
          List<Token> words = Tokenizer.tokenize(n.path(field).asText(""));
          String[] lower = new String[words.size()];
          for (int i = 0; i < lower.length; i++) {
            lower[i] = words.get(i).lower().intern();
            counts.merge(lower[i], 1, Integer::sum);
          }
          tokens += lower.length;
          texts.add(lower);
        }
        stories++;
      }
    }
    List<String> byFrequency = new ArrayList<>(counts.keySet());
    byFrequency.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
    int v = Math.min(vocabulary, byFrequency.size());
    int c = Math.min(contexts, byFrequency.size());
    log.printf(Locale.ROOT, "data: %s: %d stories, %d tokens, %d distinct words; clustering the %d most frequent "
        + "(seen %d+ times) by their neighbours among the %d most frequent%n", corpus.getFileName(), stories, tokens,
        counts.size(), v, counts.get(byFrequency.get(v - 1)), c);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < v; i++) {
      index.put(byFrequency.get(i), i);
    }
    // columns: left neighbour, right neighbour, each one of the c most frequent words
    int dims = 2 * c;
    float[][] vectors = new float[v][dims];
    for (String[] text : texts) {
      for (int i = 0; i < text.length; i++) {
        Integer w = index.get(text[i]);
        if (w == null) {
          continue;
        }
        if (i > 0) {
          Integer left = index.get(text[i - 1]);
          if (left != null && left < c) {
            vectors[w][left]++;
          }
        }
        if (i + 1 < text.length) {
          Integer right = index.get(text[i + 1]);
          if (right != null && right < c) {
            vectors[w][c + right]++;
          }
        }
      }
    }
    weigh(vectors, dims);
    int[] ids = new int[v];
    for (int i = 0; i < v; i++) {
      ids[i] = i;
    }
    String[] paths = new String[v];
    split(vectors, ids, "", paths, new Random(seed));
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
      w.write("# word clusters (newsflow train clusters): " + corpus.getFileName() + ", " + v + " words, depth "
          + depth + ", seed " + seed + "\n");
      for (int i = 0; i < v; i++) {
        w.write(byFrequency.get(i) + "\t" + paths[i] + "\t" + counts.get(byFrequency.get(i)) + "\n");
      }
    }
    log.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
  }

  /** Positive PMI, then unit length. */
  private static void weigh(float[][] vectors, int dims) {
    double total = 0;
    double[] column = new double[dims];
    double[] row = new double[vectors.length];
    for (int i = 0; i < vectors.length; i++) {
      for (int d = 0; d < dims; d++) {
        column[d] += vectors[i][d];
        row[i] += vectors[i][d];
        total += vectors[i][d];
      }
    }
    for (int i = 0; i < vectors.length; i++) {
      double norm = 0;
      for (int d = 0; d < dims; d++) {
        float n = vectors[i][d];
        double pmi = n == 0 ? 0 : Math.log(n * total / (row[i] * Math.pow(column[d], 0.75) * Math.pow(total, 0.25)));
        float value = (float) Math.max(0, pmi);
        vectors[i][d] = value;
        norm += value * value;
      }
      float inverse = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < dims; d++) {
        vectors[i][d] *= inverse;
      }
    }
  }

  private void split(float[][] vectors, int[] ids, String path, String[] paths, Random random) {
    if (path.length() == depth || ids.length < 4) {
      for (int id : ids) {
        paths[id] = path.isEmpty() ? "0" : path;
      }
      return;
    }
    int dims = vectors[0].length;
    float[] a = vectors[ids[random.nextInt(ids.length)]].clone();
    // the second seed: the farthest of a sample from the first
    float[] b = null;
    double worst = Double.MAX_VALUE;
    for (int s = 0; s < Math.min(200, ids.length); s++) {
      float[] candidate = vectors[ids[random.nextInt(ids.length)]];
      double sim = dot(a, candidate);
      if (sim < worst) {
        worst = sim;
        b = candidate.clone();
      }
    }
    boolean[] right = new boolean[ids.length];
    for (int iteration = 0; iteration < 8; iteration++) {
      float[] sumA = new float[dims];
      float[] sumB = new float[dims];
      for (int i = 0; i < ids.length; i++) {
        float[] x = vectors[ids[i]];
        right[i] = dot(b, x) > dot(a, x);
        float[] sum = right[i] ? sumB : sumA;
        for (int d = 0; d < dims; d++) {
          sum[d] += x[d];
        }
      }
      a = unit(sumA);
      b = unit(sumB);
    }
    int rightCount = 0;
    for (boolean r : right) {
      rightCount += r ? 1 : 0;
    }
    if (rightCount == 0 || rightCount == ids.length) {
      split(vectors, ids, path + "0", paths, random);
      return;
    }
    int[] left = new int[ids.length - rightCount];
    int[] rightIds = new int[rightCount];
    int l = 0;
    int r = 0;
    for (int i = 0; i < ids.length; i++) {
      if (right[i]) {
        rightIds[r++] = ids[i];
      } else {
        left[l++] = ids[i];
      }
    }
    split(vectors, left, path + "0", paths, random);
    split(vectors, rightIds, path + "1", paths, random);
  }

  private static float[] unit(float[] x) {
    double norm = Math.sqrt(dot(x, x));
    if (norm > 0) {
      for (int d = 0; d < x.length; d++) {
        x[d] /= norm;
      }
    }
    return x;
  }

  private static double dot(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}

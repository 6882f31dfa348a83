package io.newsflow.nlp.entities.recognition;

/**
 * First-order Viterbi decoding over BIO labels: per-token label scores plus label-to-label transition scores,
 * with I-X allowed only after B-X or I-X. One instance per thread: its buffers are reused.
 */
public final class Viterbi {

  private static final int L = NerLabels.COUNT;
  private float[] best = new float[64 * L];
  private int[] back = new int[64 * L];

  /**
   * Writes the best label sequence of {@code n} tokens into {@code labels}.
   *
   * @param emission    n × L label scores, row by token
   * @param transitions (L + 1) × L scores; row L is the sentence start
   */
  public void decode(float[] emission, int n, float[] transitions, int[] labels) {
    if (best.length < n * L) {
      best = new float[n * L * 2];
      back = new int[n * L * 2];
    }
    for (int y = 0; y < L; y++) {
      best[y] = NerLabels.allowed(-1, y) ? emission[y] + transitions[L * L + y] : Float.NEGATIVE_INFINITY;
    }
    for (int t = 1; t < n; t++) {
      int row = t * L;
      int prevRow = row - L;
      for (int y = 0; y < L; y++) {
        float max = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          if (!NerLabels.allowed(p, y)) {
            continue;
          }
          float s = best[prevRow + p] + transitions[p * L + y];
          if (s > max) {
            max = s;
            arg = p;
          }
        }
        best[row + y] = max + emission[row + y];
        back[row + y] = arg;
      }
    }
    int last = (n - 1) * L;
    int arg = 0;
    for (int y = 1; y < L; y++) {
      if (best[last + y] > best[last + arg]) {
        arg = y;
      }
    }
    for (int t = n - 1; t >= 0; t--) {
      labels[t] = arg;
      arg = back[t * L + arg];
    }
  }
}

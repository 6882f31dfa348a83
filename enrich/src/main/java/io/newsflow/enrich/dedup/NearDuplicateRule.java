package io.newsflow.enrich.dedup;

/**
 * When two stories from different sources are the same story: they share an LSH band and their estimated
 * Jaccard similarity of word 2-shingles is at least {@link #threshold()}.
 *
 * @param threshold the similarity at or above which a pair is a near-duplicate ({@link #DEFAULT_THRESHOLD},
 *                  chosen on {@code eval/near-duplicates}, see its README)
 */
public record NearDuplicateRule(double threshold) {

  public static final double DEFAULT_THRESHOLD = 0.2;

  public NearDuplicateRule {
    if (threshold <= 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
    }
  }

  public static NearDuplicateRule standard() {
    return new NearDuplicateRule(DEFAULT_THRESHOLD);
  }

  public boolean isDuplicate(Fingerprint a, Fingerprint b) {
    return a.sharesBandWith(b) && a.similarity(b) >= threshold;
  }

  public boolean isDuplicate(byte[] a, byte[] b) {
    return Fingerprint.similarity(a, b) >= threshold;
  }
}

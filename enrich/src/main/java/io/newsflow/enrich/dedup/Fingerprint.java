package io.newsflow.enrich.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * The near-duplicate fingerprint of one text: the LSH band keys a candidate must share, and a compact
 * signature (the low byte of each MinHash value) to estimate the Jaccard similarity of two texts.
 *
 * @param bands     one key per LSH band, {@code "<band>:<hex hash of the band's rows>"}; empty for a text without words
 * @param signature {@link MinHashFingerprinter#HASHES} bytes (b-bit MinHash with b = 8)
 */
public record Fingerprint(List<String> bands, byte[] signature) {

  public boolean isEmpty() {
    return bands.isEmpty();
  }

  /**
   * Estimated Jaccard similarity of the word-shingle sets, corrected for the 1/256 chance that two different
   * minimums share their low byte (Li and König, b-bit minwise hashing).
   */
  public double similarity(Fingerprint other) {
    return similarity(signature, other.signature);
  }

  public static double similarity(byte[] a, byte[] b) {
    if (a.length == 0 || a.length != b.length) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    double chance = 1.0 / 256;
    double fraction = (double) equal / a.length;
    return Math.max(0, (fraction - chance) / (1 - chance));
  }

  /** Whether the two texts share at least one LSH band, the only way the topology ever compares them. */
  public boolean sharesBandWith(Fingerprint other) {
    return bands.stream().anyMatch(other.bands::contains);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && bands.equals(f.bands) && Arrays.equals(signature, f.signature);
  }

  @Override
  public int hashCode() {
    return 31 * bands.hashCode() + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "Fingerprint" + bands;
  }
}

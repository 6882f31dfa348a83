package io.newsflow.enrich.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash over word 2-shingles (word pairs) of headline and body, banded for locality-sensitive hashing:
 * {@value #HASHES} hash functions in {@value #BANDS} bands of {@value #ROWS} rows. Two texts of Jaccard
 * similarity s share a band with probability 1 - (1 - s^2)^30: 0.94 at s = 0.3, 0.71 at s = 0.2, 0.26 at
 * s = 0.1, 0.07 at s = 0.05. Parameters chosen on {@code eval/near-duplicates} (see its README): word pairs
 * survive light edits far better than word triples, and stories of the same event written apart share
 * almost none (at most 0.06 there).
 */
public final class MinHashFingerprinter {

  public static final int HASHES = 60;
  public static final int BANDS = 30;
  public static final int ROWS = HASHES / BANDS;
  /** Words per shingle: long enough that the shared vocabulary of one event is not shared shingles. */
  public static final int SHINGLE_WORDS = 2;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final long[] SEEDS = seeds();

  public Fingerprint fingerprint(String headline, String body) {
    Set<Long> shingles = shingles(headline + "\n" + body);
    if (shingles.isEmpty()) {
      return new Fingerprint(List.of(), new byte[0]);
    }
    long[] minimums = new long[HASHES];
    java.util.Arrays.fill(minimums, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < HASHES; i++) {
        // unsigned order would do as well; signed keeps the loop branch-free and is as uniform
        long h = mix(shingle ^ SEEDS[i]);
        if (h < minimums[i]) {
          minimums[i] = h;
        }
      }
    }
    List<String> bands = new ArrayList<>(BANDS);
    for (int b = 0; b < BANDS; b++) {
      long h = 0x9E3779B97F4A7C15L * (b + 1);
      for (int r = 0; r < ROWS; r++) {
        h = mix(h ^ minimums[b * ROWS + r]);
      }
      bands.add(b + ":" + Long.toHexString(h));
    }
    byte[] signature = new byte[HASHES];
    for (int i = 0; i < HASHES; i++) {
      signature[i] = (byte) minimums[i];
    }
    return new Fingerprint(List.copyOf(bands), signature);
  }

  /** Hashes of the word shingles of the text, case and accents folded; a text of fewer words is one shingle. */
  static Set<Long> shingles(String text) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(folded);
    while (m.find()) {
      words.add(m.group());
    }
    Set<Long> shingles = new HashSet<>();
    if (words.isEmpty()) {
      return shingles;
    }
    int last = Math.max(0, words.size() - SHINGLE_WORDS);
    for (int i = 0; i <= last; i++) {
      long h = 0xCBF29CE484222325L;
      for (int w = i; w < Math.min(words.size(), i + SHINGLE_WORDS); w++) {
        h = fnv(h, words.get(w));
        h = fnv(h, " ");
      }
      shingles.add(h);
    }
    return shingles;
  }

  private static long fnv(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001B3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: a cheap, well-mixed 64-bit permutation. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[HASHES];
    long state = 0x5DEECE66DL;
    for (int i = 0; i < HASHES; i++) {
      state += 0x9E3779B97F4A7C15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }
}

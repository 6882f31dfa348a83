package io.newsflow.enrich.dedup;

/**
 * What one band bucket found for a story: the earliest earlier story from another source that it
 * near-duplicates, or nothing ({@code match} null).
 *
 * @param band       the band key
 * @param match      story id of the earlier story, or null
 * @param cluster    that story's cluster, or null
 * @param similarity estimated similarity with it (0 when none)
 * @param matchSeenAt when that story was seen, epoch ms (earliest wins across bands)
 */
public record BandVerdict(String band, String match, String cluster, double similarity, long matchSeenAt) {

  public static BandVerdict none(String band) {
    return new BandVerdict(band, null, null, 0, Long.MAX_VALUE);
  }

  public boolean found() {
    return match != null;
  }

  /** The better of two verdicts: a match over none, then the earlier story, then the more similar. */
  public BandVerdict better(BandVerdict other) {
    if (other == null || !other.found()) {
      return this;
    }
    if (!found()) {
      return other;
    }
    if (matchSeenAt != other.matchSeenAt) {
      return matchSeenAt < other.matchSeenAt ? this : other;
    }
    return similarity >= other.similarity ? this : other;
  }
}

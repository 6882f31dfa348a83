package io.newsflow.enrich.dedup;

/**
 * What the near-duplicate gather receives for one story version (internal topic key: story id): the enriched
 * article with the number of band verdicts to wait for, or one band verdict.
 *
 * @param storyId  the story
 * @param version  its version
 * @param article  the enriched article (Avro single-object bytes), or null for a verdict
 * @param bands    for the article: how many band verdicts will come (0 when the story is not checked)
 * @param verdict  for a verdict: what the band bucket found, else null
 */
public record CheckMessage(String storyId, long version, byte[] article, int bands, BandVerdict verdict) {

  public static CheckMessage article(String storyId, long version, byte[] article, int bands) {
    return new CheckMessage(storyId, version, article, bands, null);
  }

  public static CheckMessage verdict(String storyId, long version, BandVerdict verdict) {
    return new CheckMessage(storyId, version, null, 0, verdict);
  }

  public boolean hasArticle() {
    return article != null;
  }
}

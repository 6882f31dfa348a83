package io.newsflow.enrich.dedup;

/**
 * A story version waiting for its band verdicts (value of the {@code near-duplicate-checks} store, key:
 * story id and version); only versions in flight are kept.
 *
 * @param article  the enriched article (Avro bytes) once it arrived, else null
 * @param bands    verdicts expected, known once the article arrived
 * @param received verdicts received so far
 * @param best     the best verdict so far, or null
 */
public record PendingCheck(byte[] article, int bands, int received, BandVerdict best) {

  static PendingCheck empty() {
    return new PendingCheck(null, 0, 0, null);
  }

  PendingCheck with(CheckMessage message) {
    if (message.hasArticle()) {
      return new PendingCheck(message.article(), message.bands(), received, best);
    }
    BandVerdict better = best == null ? message.verdict() : best.better(message.verdict());
    return new PendingCheck(article, bands, received + 1, better);
  }

  boolean complete() {
    return article != null && received >= bands;
  }
}

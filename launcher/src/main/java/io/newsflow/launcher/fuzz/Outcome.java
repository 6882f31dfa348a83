package io.newsflow.launcher.fuzz;

/** What one input did to the parsers and the enrichment. */
public enum Outcome {
  /** Parsed into articles that were enriched, serialised and indexed without error. */
  ACCEPTED,
  /** Refused cleanly with the parsers' InvalidArticleException or UnsupportedFormatException. */
  REJECTED,
  /** Any other exception or error: a bug. */
  CRASHED,
  /** Did not finish within the per-input time limit. */
  HUNG,
  /** Accepted, but content from outside the document (an external entity) reached the article. */
  UNSAFE;

  public boolean failure() {
    return this == CRASHED || this == HUNG || this == UNSAFE;
  }
}

package io.newsflow.enrich.dedup;

import java.util.List;

/**
 * The recent stories sharing one LSH band value (value of the {@code near-duplicate-bands} store), oldest
 * first, at most {@link #MAX_ENTRIES}: a band shared by very many stories is boilerplate, not a story.
 */
public record BandBucket(List<BandEntry> entries) {

  public static final int MAX_ENTRIES = 32;
}

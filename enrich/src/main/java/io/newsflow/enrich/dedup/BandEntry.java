package io.newsflow.enrich.dedup;

/**
 * A recent story in an LSH band bucket.
 *
 * @param storyId   the story
 * @param source    its source
 * @param cluster   its story cluster: the cluster of the earlier story it duplicates, else its own id
 * @param signature its b-bit MinHash signature
 * @param seenAt    record time it was last seen, epoch ms
 */
public record BandEntry(String storyId, String source, String cluster, byte[] signature, long seenAt) {}

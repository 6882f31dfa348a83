package io.newsflow.enrich.dedup;

/**
 * One story's fingerprint sent to one LSH band bucket (internal topic key: band key).
 *
 * @param storyId   the story
 * @param version   its version
 * @param source    its source (copies from the same source are versions, never near-duplicates)
 * @param signature its b-bit MinHash signature
 * @param seenAt    record time, epoch ms
 */
public record BandProbe(String storyId, long version, String source, byte[] signature, long seenAt) {}

package io.newsflow.enrich.stories;

/**
 * The first story seen with a text digest (value of the {@code text-fingerprints} store, key: text digest).
 *
 * @param storyId the story
 * @param source  its source
 * @param seenAt  record time it was first seen, epoch ms (entries older than the retention are pruned)
 */
public record TextFingerprint(String storyId, String source, long seenAt) {}

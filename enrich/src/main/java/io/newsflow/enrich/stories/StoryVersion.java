package io.newsflow.enrich.stories;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The latest version seen of a story (value of the {@code story-versions} and {@code released-versions} stores).
 * Values written before ownership was recorded have no {@code owner} and no {@code textDigest} (read as null).
 *
 * @param version    the version
 * @param killed     whether that version cancelled or withheld the story
 * @param owner      the source that first delivered the story, which alone may update or kill it; null when not
 *                   recorded yet (a story first seen before ownership was recorded)
 * @param textDigest text digest of that version, so ingest can number a changed story that states no version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)  // released-versions keeps no owner: as small as before
public record StoryVersion(long version, boolean killed, String owner, String textDigest) {

  public StoryVersion(long version, boolean killed) {
    this(version, killed, null, null);
  }

  /**
   * Whether a version {@code incoming} (a kill or not) supersedes this one: a higher version does, and so does
   * a kill of the same version (some feeds kill without bumping the version); anything else is a late duplicate.
   */
  public boolean supersededBy(long incoming, boolean kill) {
    return incoming > version || (incoming == version && kill && !killed);
  }

  /** Whether {@code source} may change this story: it owns it, or no owner was recorded yet. */
  public boolean ownedBy(String source) {
    return owner == null || owner.equals(source);
  }
}

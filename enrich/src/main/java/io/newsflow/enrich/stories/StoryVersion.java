package io.newsflow.enrich.stories;

/**
 * The latest version seen of a story (value of the {@code story-versions} and {@code released-versions} stores).
 *
 * @param version the version
 * @param killed  whether that version cancelled or withheld the story
 */
public record StoryVersion(long version, boolean killed) {

  /**
   * Whether a version {@code incoming} (a kill or not) supersedes this one: a higher version does, and so does
   * a kill of the same version (some feeds kill without bumping the version); anything else is a late duplicate.
   */
  public boolean supersededBy(long incoming, boolean kill) {
    return incoming > version || (incoming == version && kill && !killed);
  }
}

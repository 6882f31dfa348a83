package io.newsflow.enrich.stories;

import io.newsflow.platform.json.Json;

/**
 * What {@code news.stories} (compacted, key story id) says of a story after each version the version gate let
 * through: who owns it, its latest version and that version's text digest. Every ingest instance reads the topic
 * into a view, to refuse a story of another source (403) and to number a changed story that states no version.
 *
 * @param owner      the source that first delivered the story
 * @param version    the latest version let through
 * @param textDigest text digest of that version
 * @param killed     whether that version cancelled or withheld the story
 */
public record StoryState(String owner, long version, String textDigest, boolean killed) {

  public String toJson() {
    return Json.write(this);
  }
}

package io.newsflow.enrich.stories;

import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.RawArticle;

/**
 * A story version that was not indexed as news, as written to {@code news.duplicates} (key: story id).
 *
 * @param id             story id of the version dropped
 * @param version        its version
 * @param source         its source
 * @param reason         {@link #OLD_VERSION}, {@link #SAME_VERSION}, {@link #EXACT_RESEND} or {@link #NOT_OWNER}
 * @param currentVersion for a version: the version already seen of the story
 * @param duplicateOf    for an exact resend: the story first seen with the same text
 * @param textDigest     SHA-256 of its normalised text
 */
public record DuplicateRecord(String id, long version, String source, String reason, Long currentVersion,
                              String duplicateOf, String textDigest) {

  public static final String OLD_VERSION = "old-version";
  public static final String SAME_VERSION = "same-version";
  public static final String EXACT_RESEND = "exact-resend";
  /** A version of a story that another source delivered first: refused, never indexed. */
  public static final String NOT_OWNER = "not-owner";

  static DuplicateRecord version(RawArticle article, String reason, long currentVersion) {
    return new DuplicateRecord(article.getId(), article.getVersion(), article.getSource(), reason, currentVersion,
        null, article.getTextDigest());
  }

  static DuplicateRecord resend(RawArticle article, String firstId) {
    return new DuplicateRecord(article.getId(), article.getVersion(), article.getSource(), EXACT_RESEND, null,
        firstId, article.getTextDigest());
  }

  public String toJson() {
    return Json.write(this);
  }
}

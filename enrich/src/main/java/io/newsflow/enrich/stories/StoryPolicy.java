package io.newsflow.enrich.stories;

import io.newsflow.enrich.dedup.NearDuplicateRule;
import java.time.Duration;

/**
 * How the enrich topology treats stories over time.
 *
 * @param embargoCheck        how often (wall clock) held embargoed stories are checked for release
 * @param resendRetention     how long a text digest is remembered to recognise an exact resend
 * @param nearDuplicateWindow how long a story stays a candidate for near-duplicates of later stories
 * @param nearDuplicates      when two stories from different sources are the same story
 */
public record StoryPolicy(Duration embargoCheck, Duration resendRetention, Duration nearDuplicateWindow,
                          NearDuplicateRule nearDuplicates) {

  public static final Duration DEFAULT_EMBARGO_CHECK = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RESEND_RETENTION = Duration.ofDays(7);
  public static final Duration DEFAULT_NEAR_DUPLICATE_WINDOW = Duration.ofDays(3);

  public static StoryPolicy standard() {
    return new StoryPolicy(DEFAULT_EMBARGO_CHECK, DEFAULT_RESEND_RETENTION, DEFAULT_NEAR_DUPLICATE_WINDOW,
        NearDuplicateRule.standard());
  }

  /** How often stream time prunes the bounded stores: often enough that they never hold much beyond their bound. */
  public Duration pruneInterval(Duration retention) {
    Duration tenth = retention.dividedBy(10);
    return tenth.compareTo(Duration.ofMinutes(10)) < 0 ? tenth : Duration.ofMinutes(10);
  }
}

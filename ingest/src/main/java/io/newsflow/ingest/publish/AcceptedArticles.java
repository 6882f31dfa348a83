package io.newsflow.ingest.publish;

import io.newsflow.schemas.avro.RawArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What ingest accepted, by story id and version, with the digest of each version's text: a resend of the same id
 * and version is answered without a second raw record, and a story whose format states no version gets the next
 * version number when its text changed. Rebuilt from {@code news.raw} at start so this survives a restart.
 * Holds only small summaries and at most {@code maxStories} stories; the least recently seen are forgotten first.
 */
public final class AcceptedArticles {

  private final int maxStories;
  private final LinkedHashMap<String, TreeMap<Long, Summary>> byId;

  public AcceptedArticles() {
    this(1_000_000);
  }

  public AcceptedArticles(int maxStories) {
    this.maxStories = maxStories;
    this.byId = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TreeMap<Long, Summary>> eldest) {
        return size() > AcceptedArticles.this.maxStories;
      }
    };
  }

  /** What to do with an incoming version. */
  public enum Decision { NEW, DUPLICATE, CONFLICT }

  /** The decision and the version it applies to (the next version for a changed story that states none). */
  public record Claim(Decision decision, long version) {}

  /**
   * Reserves the article's version when it is new. Call {@link #confirm} once Kafka acknowledged it, or
   * {@link #forget} when it did not.
   */
  public synchronized Claim claim(RawArticle article, boolean versionStated) {
    TreeMap<Long, Summary> versions = byId.computeIfAbsent(article.getId(), id -> new TreeMap<>());
    String digest = article.getTextDigest();
    if (versionStated) {
      Summary existing = versions.get(article.getVersion());
      if (existing == null) {
        versions.put(article.getVersion(), Summary.pending(article));
        return new Claim(Decision.NEW, article.getVersion());
      }
      return new Claim(existing.textDigest().equals(digest) ? Decision.DUPLICATE : Decision.CONFLICT,
          article.getVersion());
    }
    for (Summary s : versions.values()) {
      if (s.textDigest().equals(digest)) {
        return new Claim(Decision.DUPLICATE, s.version());
      }
    }
    long next = versions.isEmpty() ? article.getVersion() : versions.lastKey() + 1;
    article.setVersion(next);
    versions.put(next, Summary.pending(article));
    return new Claim(Decision.NEW, next);
  }

  /** The version is stored in Kafka: {@code GET /v1/articles/{id}} shows it. */
  public synchronized void confirm(RawArticle article) {
    byId.computeIfAbsent(article.getId(), id -> new TreeMap<>()).put(article.getVersion(), Summary.of(article));
  }

  /** Undoes {@link #claim} when Kafka did not take the article, so a retry is published. */
  public synchronized void forget(RawArticle article) {
    TreeMap<Long, Summary> versions = byId.get(article.getId());
    if (versions != null) {
      versions.remove(article.getVersion());
      if (versions.isEmpty()) {
        byId.remove(article.getId());
      }
    }
  }

  /** Records a version read back from {@code news.raw} at start. */
  public void restore(RawArticle article) {
    confirm(article);
  }

  public synchronized int stories() {
    return byId.size();
  }

  public synchronized Optional<Map<String, Object>> find(String id) {
    TreeMap<Long, Summary> versions = byId.get(id);
    if (versions == null || versions.isEmpty()) {
      return Optional.empty();
    }
    List<Summary> stored = new ArrayList<>();
    versions.values().stream().filter(s -> !s.pending()).forEach(stored::add);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("versions", stored);
    return Optional.of(json);
  }

  /** What GET /v1/articles/{id} shows of one accepted version; pending until Kafka acknowledged it. */
  public record Summary(long version, String headline, String source, String format, String pubStatus,
                        String received, String textDigest, boolean pending) {
    static Summary of(RawArticle a) {
      return new Summary(a.getVersion(), a.getHeadline(), a.getSource(), a.getFormat().name(),
          a.getPubStatus().name(), a.getReceived().toString(), a.getTextDigest(), false);
    }

    static Summary pending(RawArticle a) {
      return new Summary(a.getVersion(), a.getHeadline(), a.getSource(), a.getFormat().name(),
          a.getPubStatus().name(), a.getReceived().toString(), a.getTextDigest(), true);
    }
  }
}

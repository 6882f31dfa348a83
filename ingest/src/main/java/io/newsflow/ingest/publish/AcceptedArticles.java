package io.newsflow.ingest.publish;

import io.newsflow.schemas.avro.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this ingest instance accepted, by story id and version: a resend of the same id and version is
 * answered without a second raw record.
 */
public final class AcceptedArticles {

  private final Map<String, Map<Long, Summary>> byId = new ConcurrentHashMap<>();

  /** Records the article; false when the same id and version was accepted before. */
  public boolean firstTime(RawArticle article) {
    Map<Long, Summary> versions = byId.computeIfAbsent(article.getId(), id -> new ConcurrentHashMap<>());
    return versions.putIfAbsent(article.getVersion(), Summary.of(article)) == null;
  }

  /** Undoes {@link #firstTime} when Kafka did not take the article, so a retry is published. */
  public void forget(RawArticle article) {
    Map<Long, Summary> versions = byId.get(article.getId());
    if (versions != null) {
      versions.remove(article.getVersion());
    }
  }

  public Optional<Map<String, Object>> find(String id) {
    Map<Long, Summary> versions = byId.get(id);
    if (versions == null || versions.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("versions", versions.values().stream()
        .sorted(java.util.Comparator.comparingLong(Summary::version)).toList());
    return Optional.of(json);
  }

  /** What GET /v1/articles/{id} shows of one accepted version. */
  public record Summary(long version, String headline, String source, String format, String pubStatus,
                        String received, String textDigest) {
    static Summary of(RawArticle a) {
      return new Summary(a.getVersion(), a.getHeadline(), a.getSource(), a.getFormat().name(),
          a.getPubStatus().name(), a.getReceived().toString(), a.getTextDigest());
    }
  }
}

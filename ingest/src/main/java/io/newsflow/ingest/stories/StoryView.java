package io.newsflow.ingest.stories;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest knows of each story: its owner, latest version and text digest, as enrich's version gate wrote them
 * to {@code news.stories} ({@link StoryViewReader} keeps this view up to date in the background). Ingest holds no
 * state of its own: every instance reads the same topic, so two instances answer alike, and a story the view does
 * not know yet (it is catching up, or enrich has not seen the story) is published and left to enrich, which decides
 * resends and old versions in its Streams stores and refuses other sources' versions whatever ingest said.
 */
public final class StoryView {

  private final Map<String, State> stories = new ConcurrentHashMap<>();

  /** One story as {@code news.stories} describes it. */
  public record State(String owner, long version, String textDigest, boolean killed) {}

  /** What to do with an incoming article. */
  public enum Decision { NEW, DUPLICATE, CONFLICT, NOT_OWNER }

  /**
   * The decision, the version it applies to (the next version for changed text of a story that states none) and,
   * for {@link Decision#NOT_OWNER}, the owner.
   */
  public record Claim(Decision decision, long version, String owner) {}

  /**
   * Decides an article from {@code source}; for a story that states no version and whose text changed, sets the
   * article's version to the next one.
   */
  public Claim decide(RawArticle article, boolean versionStated) {
    State known = stories.get(article.getId());
    if (known == null) {
      return new Claim(Decision.NEW, article.getVersion(), null);
    }
    if (known.owner() != null && !known.owner().equals(article.getSource())) {
      return new Claim(Decision.NOT_OWNER, article.getVersion(), known.owner());
    }
    boolean sameText = known.textDigest() != null && known.textDigest().equals(article.getTextDigest());
    if (!versionStated) {
      if (sameText) {
        return new Claim(Decision.DUPLICATE, known.version(), null);
      }
      article.setVersion(known.version() + 1);
      return new Claim(Decision.NEW, article.getVersion(), null);
    }
    if (article.getVersion() != known.version()) {
      // newer: an update; older: published anyway, and enrich records it as an old version
      return new Claim(Decision.NEW, article.getVersion(), null);
    }
    boolean kill = article.getPubStatus() != PubStatus.USABLE;
    if (kill && !known.killed()) {
      return new Claim(Decision.NEW, article.getVersion(), null);  // a kill of the same version wins
    }
    return new Claim(sameText || kill ? Decision.DUPLICATE : Decision.CONFLICT, article.getVersion(), null);
  }

  /** Records what {@code news.stories} says of a story; null (a tombstone) forgets it. */
  public void update(String id, State state) {
    if (state == null) {
      stories.remove(id);
    } else {
      stories.put(id, state);
    }
  }

  public int stories() {
    return stories.size();
  }

  /** {@code GET /v1/articles/{id}}: the story as the view knows it. */
  public Optional<Map<String, Object>> find(String id) {
    State s = stories.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("owner", s.owner());
    json.put("version", s.version());
    json.put("textDigest", s.textDigest());
    json.put("killed", s.killed());
    return Optional.of(json);
  }
}

package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * Why a story matched a subscription: the entities, stances and keywords that satisfied its criteria.
 *
 * @param entities entities that satisfied the entity criteria (empty when there were none)
 * @param stances  stances that satisfied the stance criterion
 * @param keywords keywords found in headline or body
 */
public record Match(Subscription subscription, List<Entity> entities, List<Stance> stances, List<String> keywords) {

  public Match {
    entities = List.copyOf(entities);
    stances = List.copyOf(stances);
    keywords = List.copyOf(keywords);
  }

  /**
   * A digest of what matched. A new version of a story alerts again only when its signature differs, so a
   * correction of a typo elsewhere in the text stays silent, and a new stance or entity does not.
   */
  public String signature() {
    TreeSet<String> facts = new TreeSet<>();
    entities.forEach(e -> facts.add("entity|" + e.getId()));
    stances.forEach(s -> facts.add("stance|" + s.getHolder().getId() + "|" + s.getPolarity() + "|" + s.getTarget()
        + "|" + s.getEvidence().getText()));
    keywords.forEach(k -> facts.add("keyword|" + k));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", facts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

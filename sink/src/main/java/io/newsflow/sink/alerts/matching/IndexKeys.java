package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.EntityType;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.Keywords;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keys of the inverted subscription index. A subscription is filed under the keys of its most selective
 * criterion; a story looks up every key it has. A story can only match a subscription that shares a key with
 * it, so only those few are evaluated, however many subscriptions exist.
 */
public final class IndexKeys {

  /** Subscriptions with no selective criterion (only language, source or urgency) are tried on every story. */
  public static final String EVERY_STORY = "*";

  private IndexKeys() {}

  static String entityId(String id) {
    return "e:" + id;
  }

  static String entityName(String lowerName) {
    return "n:" + lowerName;
  }

  static String entityType(EntityType type) {
    return "t:" + type.name();
  }

  static String word(String word) {
    return "w:" + word;
  }

  static String language(String language) {
    return "l:" + (language == null ? "" : language.toLowerCase(Locale.ROOT));
  }

  /** The keys a subscription is filed under: those of its most selective criterion. */
  public static Set<String> of(Subscription s) {
    Set<String> keys = new LinkedHashSet<>();
    if (!s.entities().isEmpty()) {
      s.entities().forEach(e -> keys.addAll(entityRef(e)));
    } else if (s.stance() != null && s.stance().holder() != null) {
      keys.addAll(entityRef(s.stance().holder()));
    } else if (!s.keywords().isEmpty()) {
      s.keywords().forEach(k -> keys.add(word(Keywords.tokens(k).get(0))));
    } else if (s.stance() != null && s.stance().target() != null) {
      // a stance target is a phrase of the text, so its first word is in the story
      keys.add(word(Keywords.tokens(s.stance().target()).get(0)));
    } else if (!s.entityTypes().isEmpty()) {
      s.entityTypes().forEach(t -> keys.add(entityType(t)));
    } else if (s.language() != null) {
      keys.add(language(s.language()));
    } else {
      keys.add(EVERY_STORY);
    }
    return keys;
  }

  private static Set<String> entityRef(EntityCriterion c) {
    if (!c.matchesById()) {
      return Set.of(entityName(c.given().toLowerCase(Locale.ROOT)));
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(entityId(c.id()));
    if (c.resolution() == Resolution.RESOLVED) {
      // an unlinked entity of that name matches too
      keys.add(entityName(c.given().toLowerCase(Locale.ROOT)));
      if (c.name() != null) {
        keys.add(entityName(c.name().toLowerCase(Locale.ROOT)));
      }
    }
    return keys;
  }
}

package io.newsflow.sink.alerts.subscriptions;

import io.newsflow.schemas.avro.EntityType;
import java.util.Set;

/** Resolves entity names of a new subscription to ids, once, when the subscription is created. */
@FunctionalInterface
public interface EntityResolver {

  /** Leaves every criterion as given: names match by name. */
  EntityResolver NONE = (criterion, types) -> criterion;

  /**
   * The criterion resolved: a name becomes RESOLVED, AMBIGUOUS or UNKNOWN; an id may gain its canonical name.
   *
   * @param types the entity types the subscription asks for (empty: any); narrows the identities a name may mean
   * @throws Unavailable when the dictionary cannot answer now (still loading)
   */
  EntityCriterion resolve(EntityCriterion given, Set<EntityType> types);

  /** The dictionary is not ready; the request may be repeated. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message);
    }
  }
}

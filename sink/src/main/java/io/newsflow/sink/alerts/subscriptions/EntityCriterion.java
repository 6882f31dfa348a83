package io.newsflow.sink.alerts.subscriptions;

import io.newsflow.schemas.avro.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An entity a subscription names (in {@code entities} or as {@code stance.holder}): as the client gave it, and
 * what it was resolved to when the subscription was created.
 *
 * @param given      what the client sent: a Wikidata id ({@code Q36}), a local id ({@code local:…}) or a name
 * @param resolution how it was resolved, and so whether it matches by id or by name
 * @param id         the id it matches (for {@link Resolution#ID} and {@link Resolution#RESOLVED}), else null
 * @param name       the canonical name of that id in the entity dictionary, or null when not known
 * @param type       the entity type of that id, or null when not known
 * @param candidates for {@link Resolution#AMBIGUOUS}: the identities the name may mean, most likely first
 */
public record EntityCriterion(String given, Resolution resolution, String id, String name, EntityType type,
                              List<Candidate> candidates) {

  /** How a given entity was resolved. */
  public enum Resolution {
    /** Given as an id: matches entities with that id. */
    ID,
    /** A name the entity dictionary knows as one identity (or one far more likely than the others): matches its id. */
    RESOLVED,
    /** A name of several identities, none clearly the likeliest: matched by name. */
    AMBIGUOUS,
    /** A name the entity dictionary does not know: matched by name. */
    UNKNOWN,
    /** Not looked up (stored before names were resolved, or the sink runs without the dictionary): matched by name. */
    UNRESOLVED
  }

  /** One identity an ambiguous name may mean. */
  public record Candidate(String id, String name, EntityType type, String kind) {}

  public EntityCriterion {
    candidates = List.copyOf(candidates);
  }

  /** A criterion as the client gave it, before any lookup: ids match by id, names wait to be resolved. */
  public static EntityCriterion given(String value) {
    return isEntityId(value)
        ? new EntityCriterion(value, Resolution.ID, value, null, null, List.of())
        : new EntityCriterion(value, Resolution.UNRESOLVED, null, null, null, List.of());
  }

  /** Whether a string names an entity by id rather than by name. */
  public static boolean isEntityId(String value) {
    return value.matches("Q[1-9][0-9]*") || isLocalId(value);
  }

  /** Ids the linker gives entities it could not link. */
  public static boolean isLocalId(String id) {
    return id != null && id.startsWith("local:");
  }

  public boolean matchesById() {
    return resolution == Resolution.ID || resolution == Resolution.RESOLVED;
  }

  /** For an entity the linker left unlinked (local id): whether its name is the one given or the resolved one. */
  public boolean namedAs(String lowerName) {
    return given.toLowerCase(Locale.ROOT).equals(lowerName)
        || name != null && name.toLowerCase(Locale.ROOT).equals(lowerName);
  }

  /** One sentence for people: what it matches and why. */
  public String note() {
    return switch (resolution) {
      case ID -> name == null ? "matched by id" : "matched by id (" + name + ")";
      case RESOLVED -> "'" + given + "' resolved to " + id + " (" + name + "); matched by id";
      case AMBIGUOUS -> "'" + given + "' is ambiguous (" + candidates.stream()
          .map(c -> c.id() + " " + c.name() + (c.kind() == null ? "" : ", " + c.kind()))
          .collect(Collectors.joining("; ")) + "); matched by name: give an id to choose one";
      case UNKNOWN -> "'" + given + "' is not in the entity dictionary; matched by name";
      case UNRESOLVED -> "'" + given + "' was not looked up in the entity dictionary; matched by name";
    };
  }
}

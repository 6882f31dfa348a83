package io.newsflow.sink.alerts.subscriptions;

import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a monitoring team wants to hear about. Every criterion that is set must hold (AND); within a list any
 * value may match (OR). Entities match by id when given as an id or resolved to one, else by name
 * (case-insensitively); see {@link EntityCriterion}.
 *
 * @param id          server-assigned id, also the record key on {@code news.subscriptions}
 * @param owner       principal of the token that created it; only the owner sees or deletes it
 * @param name        a label for people, optional
 * @param entities    Wikidata QIDs ({@code Q36}), local ids ({@code local:...}) or names ({@code Poland}), resolved
 * @param entityTypes a matching entity must have one of these types
 * @param stance      a stance the story must attribute, or null
 * @param keywords    words or phrases, any of which must occur in headline or body (whole words, any case)
 * @param language    ISO 639-1 code of the story, or null
 * @param source      source (newsroom) of the story, or null
 * @param minUrgency  the story's urgency must be at most this (1 is most urgent), or null
 * @param webhook     where alerts are POSTed, or null
 * @param createdAt   when the API accepted it
 */
public record Subscription(String id, String owner, String name, List<EntityCriterion> entities,
                           Set<EntityType> entityTypes, StanceCriterion stance, List<String> keywords, String language,
                           String source, Integer minUrgency, Webhook webhook, Instant createdAt) {

  public Subscription {
    entities = List.copyOf(entities);
    entityTypes = Set.copyOf(entityTypes);
    keywords = List.copyOf(keywords);
  }

  /**
   * A position the story must report.
   *
   * @param holder     who holds it (id or name; the holder or the body it speaks for), or null for anyone
   * @param polarities any of these, or empty for any polarity
   * @param target     words that must all occur in the stance's target phrase, or null
   */
  public record StanceCriterion(EntityCriterion holder, Set<Polarity> polarities, String target) {

    public StanceCriterion {
      polarities = Set.copyOf(polarities);
    }
  }

  /** Alert delivery by HTTP POST, signed with {@code secret} (HMAC-SHA256 over the body). */
  public record Webhook(String url, String secret) {}

  /** This subscription with its entity names (and stance holder) resolved; the entity types narrow the entities. */
  public Subscription resolved(EntityResolver resolver) {
    List<EntityCriterion> resolvedEntities = entities.stream().map(e -> resolver.resolve(e, entityTypes)).toList();
    StanceCriterion resolvedStance = stance == null || stance.holder() == null ? stance
        : new StanceCriterion(resolver.resolve(stance.holder(), Set.of()), stance.polarities(), stance.target());
    return new Subscription(id, owner, name, resolvedEntities, entityTypes, resolvedStance, keywords, language, source,
        minUrgency, webhook, createdAt);
  }
}

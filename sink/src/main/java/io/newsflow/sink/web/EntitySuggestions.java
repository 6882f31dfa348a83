package io.newsflow.sink.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.names.Names;
import io.newsflow.platform.json.Json;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Suggestions for an entity name being typed, from the knowledge base subscriptions are resolved against:
 * identities whose name or alias starts with the text (likeliest first), and what the text as typed would
 * resolve to (an id, or the candidates when it is ambiguous), exactly as a subscription created with it would.
 */
public final class EntitySuggestions {

  static final int MAX_SUGGESTIONS = 8;
  private static final int KEYS_SCANNED = 300;

  private final Supplier<KnowledgeBase> loaded;
  private final EntityResolver resolver;

  /** {@code loaded} answers null while the knowledge base is still loading. */
  public EntitySuggestions(Supplier<KnowledgeBase> loaded, EntityResolver resolver) {
    this.loaded = loaded;
    this.resolver = resolver;
  }

  /** For {@code query}; throws {@link EntityResolver.Unavailable} while the knowledge base is loading. */
  public ObjectNode suggest(String query) {
    ObjectNode body = Json.mapper().createObjectNode();
    String q = query == null ? "" : query.strip();
    body.put("query", q);
    ArrayNode items = body.putArray("suggestions");
    if (q.isEmpty() || q.length() > 200) {
      body.putNull("resolution");
      return body;
    }
    KnowledgeBase kb = loaded.get();
    if (kb == null) {
      throw new EntityResolver.Unavailable("The entity dictionary is still loading; try again in a few seconds");
    }
    EntityCriterion resolved = resolver.resolve(EntityCriterion.given(q), Set.of());
    body.set("resolution", SubscriptionJson.resolution(resolved));
    String key = Names.key(q);
    Map<String, Ranked> byId = new LinkedHashMap<>();
    if (!key.isEmpty()) {
      for (String k : kb.keysStartingWith(key, KEYS_SCANNED)) {
        for (KbEntry e : kb.byKey(k)) {
          boolean own = Names.key(e.name()).equals(k);
          double score = e.prior() + (own ? 0.15 : 0) + (e.hasQid() ? 0.05 : 0) + (k.equals(key) ? 1 : 0);
          byId.merge(e.id(), new Ranked(e, score, own ? e.name() : null), (a, b) -> a.score >= b.score ? a : b);
        }
      }
    }
    byId.values().stream()
        .sorted(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.entry.name().length()))
        .limit(MAX_SUGGESTIONS)
        .forEach(r -> items.addObject().put("id", r.entry.id()).put("name", r.entry.name())
            .put("type", r.entry.type().name()).put("kind", r.entry.kind()));
    return body;
  }

  private record Ranked(KbEntry entry, double score, String ownName) {}
}

package io.newsflow.sink.alerts.entities;

import io.newsflow.kb.KbEntry;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.kb.OfficeTerm;
import io.newsflow.kb.names.Names;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Candidate;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves subscription names through the knowledge base enrich links stories against, so a name means the id
 * stories carry: "Poland", "Polska" and "Republic of Poland" all become Q36. The identities with the name or
 * alias (and, for one word not in capitals, the leaders with that family name, as the linker reads "Macron") are ranked as the
 * linker ranks them: popularity prior, raised for an identity whose own name it is and for one with a Wikidata
 * id. The first is taken when it leads the next by {@link #MARGIN}; otherwise the name is ambiguous ("Georgia":
 * the country or the US state) and stays a name. Only the dictionary is used, never the recogniser's model.
 */
public final class KnowledgeBaseResolver implements EntityResolver {

  /** How far the likeliest identity must lead the next for a name to mean it. */
  static final double MARGIN = 0.2;
  static final int MAX_CANDIDATES = 5;

  private final KnowledgeBase kb;

  public KnowledgeBaseResolver(KnowledgeBase kb) {
    this.kb = kb;
  }

  @Override
  public EntityCriterion resolve(EntityCriterion given, Set<EntityType> types) {
    if (given.resolution() == Resolution.ID) {
      KbEntry known = kb.byId(given.id());
      return known == null ? given
          : new EntityCriterion(given.given(), Resolution.ID, given.id(), known.name(), type(known), List.of());
    }
    if (given.resolution() != Resolution.UNRESOLVED) {
      return given;
    }
    List<Scored> ranked = candidates(given.given(), types);
    if (ranked.isEmpty()) {
      return new EntityCriterion(given.given(), Resolution.UNKNOWN, null, null, null, List.of());
    }
    Scored best = ranked.get(0);
    if (ranked.size() == 1 || best.score() - ranked.get(1).score() >= MARGIN) {
      return new EntityCriterion(given.given(), Resolution.RESOLVED, best.entry().id(), best.entry().name(),
          type(best.entry()), List.of());
    }
    List<Candidate> candidates = ranked.stream().limit(MAX_CANDIDATES)
        .map(s -> new Candidate(s.entry().id(), s.entry().name(), type(s.entry()), s.entry().kind())).toList();
    return new EntityCriterion(given.given(), Resolution.AMBIGUOUS, null, null, null, candidates);
  }

  private record Scored(KbEntry entry, double score) {}

  /** The knowledge base's entity type as the subscriptions (and the Avro records) name it. */
  private static EntityType type(KbEntry entry) {
    return EntityType.valueOf(entry.type().name());
  }

  private List<Scored> candidates(String name, Set<EntityType> types) {
    String key = Names.key(name);
    Map<String, Scored> byId = new LinkedHashMap<>();
    for (KbEntry e : kb.byName(name)) {
      double score = e.prior() + (Names.key(e.name()).equals(key) ? 0.15 : 0) + (e.hasQid() ? 0.05 : 0);
      offer(byId, e, score, types);
    }
    if (key.length() >= 3 && key.indexOf(' ') < 0 && !name.equals(name.toUpperCase(Locale.ROOT))) {
      // one word may be a leader's family name, as the linker reads a lone "Macron"; an acronym ("UN") is not
      for (KbEntry p : kb.personsByFamilyName(key)) {
        if (isLeader(p)) {
          offer(byId, p, p.prior() + (p.hasQid() ? 0.05 : 0), types);
        }
      }
    }
    List<Scored> ranked = new ArrayList<>(byId.values());
    ranked.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.entry().id()));
    return ranked;
  }

  private static void offer(Map<String, Scored> byId, KbEntry e, double score, Set<EntityType> types) {
    if (types.isEmpty() || types.contains(type(e))) {
      byId.merge(e.id(), new Scored(e, score), (a, b) -> a.score() >= b.score() ? a : b);
    }
  }

  private boolean isLeader(KbEntry person) {
    for (OfficeTerm t : kb.termsOf(person.id())) {
      if (t.roleType().startsWith("head_of") || t.roleType().equals("international_official")) {
        return true;
      }
    }
    return false;
  }
}

package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.sink.alerts.matching.StoryFacts.EntityFacts;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.Keywords;
import io.newsflow.sink.alerts.subscriptions.Subscription;
import io.newsflow.sink.alerts.subscriptions.Subscription.StanceCriterion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one story matches one subscription. Every criterion that is set must hold; within a list
 * any value may. An entity given as an id, or a name resolved to one when the subscription was created, matches
 * that id exactly (and an unlinked entity, with a local id, of that name); any other name matches,
 * case-insensitively, an entity's canonical name or any of its mentions (a stance holder's name, for the holder).
 */
public final class Matcher {

  private Matcher() {}

  public static Optional<Match> match(Subscription s, StoryFacts story) {
    RawArticle raw = story.article().getArticle();
    if (s.language() != null && !s.language().equalsIgnoreCase(story.article().getLanguage())) {
      return Optional.empty();
    }
    if (s.source() != null && !s.source().equalsIgnoreCase(raw.getSource())) {
      return Optional.empty();
    }
    if (s.minUrgency() != null && (raw.getUrgency() == null || raw.getUrgency() > s.minUrgency())) {
      return Optional.empty();
    }
    List<Entity> entities = new ArrayList<>();
    if (!s.entities().isEmpty() || !s.entityTypes().isEmpty()) {
      for (EntityFacts e : story.entities()) {
        boolean named = s.entities().isEmpty() || s.entities().stream().anyMatch(ref -> refersTo(ref, e));
        boolean typed = s.entityTypes().isEmpty() || s.entityTypes().contains(e.entity().getType());
        if (named && typed) {
          entities.add(e.entity());
        }
      }
      if (entities.isEmpty()) {
        return Optional.empty();
      }
    }
    List<Stance> stances = new ArrayList<>();
    if (s.stance() != null) {
      for (Stance st : story.stances()) {
        if (satisfies(s.stance(), st)) {
          stances.add(st);
        }
      }
      if (stances.isEmpty()) {
        return Optional.empty();
      }
    }
    List<String> keywords = new ArrayList<>();
    if (!s.keywords().isEmpty()) {
      for (String k : s.keywords()) {
        if (story.containsPhrase(k)) {
          keywords.add(k);
        }
      }
      if (keywords.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Match(s, entities, stances, keywords));
  }

  private static boolean refersTo(EntityCriterion c, EntityFacts e) {
    String id = e.entity().getId();
    if (!c.matchesById()) {
      return e.names().contains(StoryFacts.lower(c.given()));
    }
    if (c.id().equals(id)) {
      return true;
    }
    // an entity the linker left unlinked may still be the one a resolved name means
    return c.resolution() == Resolution.RESOLVED && EntityCriterion.isLocalId(id)
        && e.names().stream().anyMatch(c::namedAs);
  }

  private static boolean satisfies(StanceCriterion c, Stance st) {
    if (c.holder() != null && !(refersTo(c.holder(), st.getHolder()) || refersTo(c.holder(), st.getOnBehalfOf()))) {
      return false;
    }
    if (!c.polarities().isEmpty() && !c.polarities().contains(st.getPolarity())) {
      return false;
    }
    if (c.target() != null) {
      Set<String> targetWords = new HashSet<>(Keywords.tokens(st.getTarget()));
      return targetWords.containsAll(Keywords.tokens(c.target()));
    }
    return true;
  }

  private static boolean refersTo(EntityCriterion c, EntityRef holder) {
    if (holder == null) {
      return false;
    }
    if (!c.matchesById()) {
      return c.given().equalsIgnoreCase(holder.getName());
    }
    return c.id().equals(holder.getId()) || c.resolution() == Resolution.RESOLVED
        && EntityCriterion.isLocalId(holder.getId()) && c.namedAs(StoryFacts.lower(holder.getName()));
  }
}

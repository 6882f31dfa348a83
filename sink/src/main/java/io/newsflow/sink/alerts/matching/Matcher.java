package io.newsflow.sink.alerts.matching;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.sink.alerts.matching.StoryFacts.EntityFacts;
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
 * any value may. Ids match exactly; names match, case-insensitively, an entity's canonical name or any of its
 * mentions (a stance holder's name, for the stance holder).
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

  private static boolean refersTo(String ref, EntityFacts e) {
    return Subscription.isEntityId(ref) ? ref.equals(e.entity().getId()) : e.names().contains(StoryFacts.lower(ref));
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

  private static boolean refersTo(String ref, EntityRef holder) {
    if (holder == null) {
      return false;
    }
    return Subscription.isEntityId(ref) ? ref.equals(holder.getId()) : ref.equalsIgnoreCase(holder.getName());
  }
}

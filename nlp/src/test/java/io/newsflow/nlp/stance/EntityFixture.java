package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the entity step in tests: finds the given names in a text (whole words, longest first, no
 * overlaps) and builds {@link Entity} objects with exact offsets.
 */
public final class EntityFixture {

  private record Name(String surface, String id, String canonical, EntityType type) {}

  private final List<Name> names = new ArrayList<>();

  public static EntityFixture entities() {
    return new EntityFixture();
  }

  public EntityFixture person(String id, String canonical, String... surfaces) {
    return add(EntityType.PERSON, id, canonical, surfaces);
  }

  public EntityFixture place(String id, String canonical, String... surfaces) {
    return add(EntityType.LOCATION, id, canonical, surfaces);
  }

  public EntityFixture org(String id, String canonical, String... surfaces) {
    return add(EntityType.ORGANIZATION, id, canonical, surfaces);
  }

  private EntityFixture add(EntityType type, String id, String canonical, String... surfaces) {
    for (String s : surfaces) {
      names.add(new Name(s, id, canonical, type));
    }
    return this;
  }

  public List<Entity> in(ArticleText text) {
    List<Name> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt((Name n) -> n.surface().length()).reversed());
    Map<String, List<TextSpan>> mentions = new LinkedHashMap<>();
    Map<String, Name> byId = new LinkedHashMap<>();
    for (TextField field : TextField.values()) {
      String s = text.text(field);
      boolean[] taken = new boolean[s.length()];
      List<TextSpan> found = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (Name name : sorted) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name.surface()) + "(?![\\p{L}\\p{N}])")
            .matcher(s);
        while (m.find()) {
          if (free(taken, m.start(), m.end())) {
            for (int i = m.start(); i < m.end(); i++) {
              taken[i] = true;
            }
            found.add(text.span(field, m.start(), m.end()));
            ids.add(name.id());
            byId.putIfAbsent(name.id(), name);
          }
        }
      }
      for (int i = 0; i < found.size(); i++) {
        mentions.computeIfAbsent(ids.get(i), k -> new ArrayList<>()).add(found.get(i));
      }
    }
    List<Entity> entities = new ArrayList<>();
    for (var e : mentions.entrySet()) {
      Name n = byId.get(e.getKey());
      List<TextSpan> spans = new ArrayList<>(e.getValue());
      spans.sort(Comparator.comparing((TextSpan t) -> t.field()).thenComparingInt(TextSpan::start));
      entities.add(new Entity(n.id(), n.canonical(), n.type(), true, spans, 0.5, 0.9));
    }
    return entities;
  }

  private static boolean free(boolean[] taken, int start, int end) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }
}

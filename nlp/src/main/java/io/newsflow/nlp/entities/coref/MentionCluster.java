package io.newsflow.nlp.entities.coref;

import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.nlp.entities.recognition.OfficeCue;
import io.newsflow.kb.names.Names;
import io.newsflow.kb.EntityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Mentions of one story taken to name the same entity, with the identity linked to them. */
public final class MentionCluster {

  private final List<Mention> mentions = new ArrayList<>();
  private final Set<String> tokens = new LinkedHashSet<>();
  private EntityType type;
  private String linkId;
  private String linkName;
  private double confidence;

  public MentionCluster(Mention first) {
    this.type = first.type();
    add(first);
  }

  public void add(Mention m) {
    mentions.add(m);
    tokens.addAll(Names.tokens(m.text()));
  }

  public void absorb(MentionCluster other) {
    other.mentions.forEach(this::add);
    if (type != EntityType.PERSON && other.type == EntityType.PERSON) {
      type = EntityType.PERSON;
    }
  }

  public List<Mention> mentions() {
    return Collections.unmodifiableList(mentions);
  }

  public Set<String> tokens() {
    return Collections.unmodifiableSet(tokens);
  }

  public EntityType type() {
    return type;
  }

  public void retype(EntityType newType) {
    this.type = newType;
  }

  /** The mention with the most name tokens (the fullest form of the name), first in text on ties. */
  public Mention fullest() {
    Mention best = mentions.get(0);
    int bestTokens = Names.tokens(best.text()).size();
    for (Mention m : mentions) {
      int n = Names.tokens(m.text()).size();
      if (n > bestTokens) {
        best = m;
        bestTokens = n;
      }
    }
    return best;
  }

  /** Titles written before any of the mentions. */
  public List<OfficeCue> offices() {
    List<OfficeCue> cues = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.office() != null) {
        cues.add(m.office());
      }
    }
    return cues;
  }

  public void link(String id, String name, double linkConfidence) {
    this.linkId = id;
    this.linkName = name;
    this.confidence = linkConfidence;
  }

  public boolean linked() {
    return linkId != null;
  }

  public String linkId() {
    return linkId;
  }

  public String linkName() {
    return linkName;
  }

  public double confidence() {
    return confidence;
  }
}

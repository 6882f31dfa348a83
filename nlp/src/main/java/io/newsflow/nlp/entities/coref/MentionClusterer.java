package io.newsflow.nlp.entities.coref;

import io.newsflow.kb.names.Names;
import io.newsflow.nlp.entities.recognition.Mention;
import io.newsflow.kb.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups a story's mentions before linking: a person's shorter name joins the fuller one it is part of
 * ("Macron" after "Emmanuel Macron", or before it), other names join mentions with the same name.
 */
public final class MentionClusterer {

  private MentionClusterer() {}

  /** Mentions in text order (headline first). */
  public static List<MentionCluster> cluster(List<Mention> mentions) {
    List<MentionCluster> clusters = new ArrayList<>();
    Map<String, MentionCluster> byTypeAndKey = new HashMap<>();
    List<MentionCluster> persons = new ArrayList<>();
    for (Mention m : mentions) {
      List<String> tokens = Names.tokens(m.text());
      if (tokens.isEmpty()) {
        continue;
      }
      if (m.type() == EntityType.PERSON) {
        MentionCluster match = null;
        for (MentionCluster c : persons) {
          if (c.tokens().containsAll(tokens) || tokens.containsAll(c.tokens())) {
            if (match == null || c.mentions().size() > match.mentions().size()) {
              match = c;
            }
          }
        }
        if (match == null) {
          match = new MentionCluster(m);
          persons.add(match);
          clusters.add(match);
        } else {
          match.add(m);
        }
        continue;
      }
      String key = m.type() + "|" + stripArticle(Names.key(m.text()));
      MentionCluster c = byTypeAndKey.get(key);
      if (c == null) {
        c = new MentionCluster(m);
        byTypeAndKey.put(key, c);
        clusters.add(c);
      } else {
        c.add(m);
      }
    }
    return clusters;
  }

  public static String stripArticle(String key) {
    return key.startsWith("the ") ? key.substring(4) : key;
  }
}

package io.newsflow.nlp.model;

import java.util.List;

/** Finds the entities of an article and links them to identities. Thread-safe; one instance per process. */
public interface EntityTagger {
  List<Entity> tag(ArticleText text);
}

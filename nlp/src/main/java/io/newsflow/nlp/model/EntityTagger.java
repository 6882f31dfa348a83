package io.newsflow.nlp.model;

import java.util.List;

/** Finds the entities of an article and links them to identities. Thread-safe; one instance per process. */
public interface EntityTagger {
  List<Entity> tag(ArticleText text);

  /** Which model this is (what it was trained on, its build), recorded on every document it enriched. */
  default String version() {
    return getClass().getSimpleName();
  }
}

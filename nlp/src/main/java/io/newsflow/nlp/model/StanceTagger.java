package io.newsflow.nlp.model;

import java.util.List;

/** Finds quotes and stances, given the article's entities. Thread-safe; one instance per process. */
public interface StanceTagger {

  Result tag(ArticleText text, List<Entity> entities);

  /** Which model this is (what it was trained on, its build), recorded on every document it enriched. */
  default String version() {
    return getClass().getSimpleName();
  }

  /** What the stance step found. */
  record Result(List<Quote> quotes, List<Stance> stances) {

    public Result {
      quotes = List.copyOf(quotes);
      stances = List.copyOf(stances);
    }

    public static Result empty() {
      return new Result(List.of(), List.of());
    }
  }
}

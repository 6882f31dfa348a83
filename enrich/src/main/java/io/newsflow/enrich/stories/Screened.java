package io.newsflow.enrich.stories;

import io.newsflow.schemas.avro.RawArticle;

/** What a screening step lets through: the article, or the record of why it was dropped as a duplicate. */
public record Screened(RawArticle article, DuplicateRecord duplicate) {

  public static Screened passed(RawArticle article) {
    return new Screened(article, null);
  }

  public static Screened dropped(DuplicateRecord duplicate) {
    return new Screened(null, duplicate);
  }

  public boolean isDuplicate() {
    return duplicate != null;
  }
}

package io.newsflow.ingest.formats;

/**
 * One item of a document that may hold several (a feed, a batch, NDJSON): either the article read from it or
 * why it was refused. One bad entry of a feed does not cost the others.
 *
 * @param index   position in the document, from 0
 * @param article the article, or null when refused
 * @param error   why the item was refused, or null
 */
public record ParsedItem(int index, ParsedArticle article, InvalidArticleException error) {

  public static ParsedItem of(int index, ParsedArticle article) {
    return new ParsedItem(index, article, null);
  }

  public static ParsedItem refused(int index, InvalidArticleException error) {
    return new ParsedItem(index, null, error);
  }

  public boolean ok() {
    return article != null;
  }
}

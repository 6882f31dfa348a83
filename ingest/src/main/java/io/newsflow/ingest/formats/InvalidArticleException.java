package io.newsflow.ingest.formats;

/** The document is in a known format but is not a valid article; names the field at fault. */
public final class InvalidArticleException extends RuntimeException {

  private final String field;

  public InvalidArticleException(String field, String detail) {
    super(detail);
    this.field = field;
  }

  public String field() {
    return field;
  }
}

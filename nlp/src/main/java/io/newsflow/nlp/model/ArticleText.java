package io.newsflow.nlp.model;

import io.newsflow.nlp.model.TextField;
import java.time.LocalDate;

/**
 * The texts enrichment reads, and what it knows around them.
 *
 * @param headline plain-text headline
 * @param body     plain-text body, paragraphs separated by blank lines
 * @param language ISO 639-1 code (already detected)
 * @param date     the article's date, for time-dependent linking (who held an office then); null when unknown
 */
public record ArticleText(String headline, String body, String language, LocalDate date) {

  public ArticleText {
    headline = headline == null ? "" : headline;
    body = body == null ? "" : body;
  }

  public String text(TextField field) {
    return field == TextField.HEADLINE ? headline : body;
  }

  /** A span of one of the texts, with its characters. */
  public TextSpan span(TextField field, int start, int end) {
    return new TextSpan(field, start, end, text(field).substring(start, end));
  }
}

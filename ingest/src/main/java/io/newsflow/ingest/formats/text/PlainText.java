package io.newsflow.ingest.formats.text;

import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.schemas.avro.SourceFormat;

/** Plain-text wire copy: the first non-empty line is the headline, the rest the body. */
public final class PlainText {

  private PlainText() {}

  public static ParsedArticle parse(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    normalised = normalised.strip();
    int newline = normalised.indexOf('\n');
    String headline = (newline < 0 ? normalised : normalised.substring(0, newline)).strip();
    String body = newline < 0 ? "" : normalised.substring(newline + 1).strip();
    if (headline.isEmpty()) {
      throw new InvalidArticleException("headline", "A plain-text article needs its headline on the first line");
    }
    if (body.isEmpty()) {
      throw new InvalidArticleException("body", "A plain-text article needs a body after the headline line");
    }
    return ParsedArticle.builder(SourceFormat.TEXT).headline(headline).body(HtmlText.normalisePlain(body)).build();
  }
}

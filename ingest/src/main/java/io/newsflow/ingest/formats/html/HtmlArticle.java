package io.newsflow.ingest.formats.html;

import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.schemas.avro.SourceFormat;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page as an article ({@code text/html}): headline from the first {@code h1} (else {@code title}), body
 * from {@code article} (else {@code main}, else {@code body}), id from the canonical link, language from
 * {@code html lang}.
 */
public final class HtmlArticle {

  private HtmlArticle() {}

  public static ParsedArticle parse(String html) {
    Document doc = Jsoup.parse(html);
    Element container = first(doc, "article", "main", "body");
    Element h1 = container == null ? null : container.selectFirst("h1");
    String headline = h1 != null ? h1.text() : doc.title();
    if (headline.isBlank()) {
      headline = attr(doc, "meta[property=og:title]", "content");
    }
    if (h1 != null) {
      h1.remove();
    }
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.HTML)
        .id(firstNonBlank(attr(doc, "link[rel=canonical]", "href"), attr(doc, "meta[property=og:url]", "content")))
        .headline(headline)
        .body(container == null ? "" : HtmlText.toText(container))
        .language(firstNonBlank(attr(doc, "html", "lang"), attr(doc, "meta[http-equiv=content-language]", "content")))
        .published(Timestamps.parse("article:published_time",
            attr(doc, "meta[property=article:published_time]", "content")))
        .byline(attr(doc, "meta[name=author]", "content"));
    return article.build();
  }

  private static Element first(Document doc, String... selectors) {
    for (String selector : selectors) {
      Element e = doc.selectFirst(selector);
      if (e != null) {
        return e;
      }
    }
    return null;
  }

  private static String attr(Document doc, String selector, String attribute) {
    Element e = doc.selectFirst(selector);
    return e == null ? null : e.attr(attribute);
  }

  private static String firstNonBlank(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}

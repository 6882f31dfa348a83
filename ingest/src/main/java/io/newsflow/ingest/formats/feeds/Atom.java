package io.newsflow.ingest.formats.feeds;

import static io.newsflow.ingest.formats.xml.XmlElements.attr;
import static io.newsflow.ingest.formats.xml.XmlElements.child;
import static io.newsflow.ingest.formats.xml.XmlElements.childText;
import static io.newsflow.ingest.formats.xml.XmlElements.children;

import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.ingest.formats.xml.XmlElements;
import io.newsflow.schemas.avro.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * Atom (RFC 4287): each {@code entry} is one article. Id from {@code id}; body from {@code content}, else
 * {@code summary}, read as text, HTML or XHTML by their {@code type}; {@code updated} is when the version was made.
 */
public final class Atom {

  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private Atom() {}

  public static List<ParsedItem> parse(Element feed) {
    String feedLanguage = lang(feed);
    List<ParsedItem> items = new ArrayList<>();
    for (Element entry : children(feed, "entry")) {
      int index = items.size();
      try {
        items.add(ParsedItem.of(index, entry(entry, feedLanguage)));
      } catch (InvalidArticleException e) {
        items.add(ParsedItem.refused(index, new InvalidArticleException("entry[" + index + "]." + e.field(),
            e.getMessage())));
      }
    }
    return items;
  }

  private static ParsedArticle entry(Element entry, String feedLanguage) {
    Element content = child(entry, "content");
    String body = text(content);
    if (body == null || body.isBlank()) {
      body = text(child(entry, "summary"));
    }
    String language = lang(entry);
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.ATOM)
        .id(childText(entry, "id") != null ? childText(entry, "id") : alternateLink(entry))
        .headline(text(child(entry, "title")))
        .body(body)
        .language(language != null ? language : feedLanguage)
        .published(Timestamps.parse("updated", childText(entry, "updated")))
        .firstCreated(Timestamps.parse("published", childText(entry, "published")));
    for (Element author : children(entry, "author")) {
      article.byline(childText(author, "name"));
    }
    for (Element category : children(entry, "category")) {
      article.subject(attr(category, "label") != null ? attr(category, "label") : attr(category, "term"));
    }
    return article.build();
  }

  /** An Atom text construct: {@code type} text (default), html (escaped markup) or xhtml (inline div). */
  private static String text(Element construct) {
    if (construct == null) {
      return null;
    }
    String type = String.valueOf(attr(construct, "type")).toLowerCase(Locale.ROOT);
    return switch (type) {
      case "html", "text/html" -> HtmlText.toText(construct.getTextContent());
      case "xhtml", "application/xhtml+xml" -> XmlElements.paragraphs(construct);
      default -> HtmlText.normalisePlain(construct.getTextContent());
    };
  }

  private static String alternateLink(Element entry) {
    for (Element link : children(entry, "link")) {
      String rel = attr(link, "rel");
      if (rel == null || rel.equals("alternate")) {
        return attr(link, "href");
      }
    }
    return null;
  }

  private static String lang(Element element) {
    String lang = element.getAttributeNS(XML_NS, "lang");
    return lang == null || lang.isBlank() ? null : lang.strip();
  }
}

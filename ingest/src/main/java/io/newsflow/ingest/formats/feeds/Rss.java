package io.newsflow.ingest.formats.feeds;

import static io.newsflow.ingest.formats.xml.XmlElements.child;
import static io.newsflow.ingest.formats.xml.XmlElements.childText;
import static io.newsflow.ingest.formats.xml.XmlElements.children;

import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.schemas.avro.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * RSS 2.0: each {@code item} is one article. Id from {@code guid}, else {@code link}; body from
 * {@code content:encoded}, else {@code description} (both HTML, reduced to text).
 */
public final class Rss {

  private Rss() {}

  public static List<ParsedItem> parse(Element rss) {
    Element channel = child(rss, "channel");
    if (channel == null) {
      throw new InvalidArticleException("channel", "An RSS document needs a channel element");
    }
    String channelLanguage = childText(channel, "language");
    List<ParsedItem> items = new ArrayList<>();
    for (Element item : children(channel, "item")) {
      int index = items.size();
      try {
        items.add(ParsedItem.of(index, item(item, channelLanguage)));
      } catch (InvalidArticleException e) {
        items.add(ParsedItem.refused(index, new InvalidArticleException("item[" + index + "]." + e.field(),
            e.getMessage())));
      }
    }
    return items;
  }

  private static ParsedArticle item(Element item, String channelLanguage) {
    String encoded = childText(item, "encoded");
    String description = child(item, "description") == null ? null : child(item, "description").getTextContent();
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.RSS)
        .id(childText(item, "guid") != null ? childText(item, "guid") : childText(item, "link"))
        .headline(HtmlText.toText(childText(item, "title")))
        .body(HtmlText.toText(encoded != null ? child(item, "encoded").getTextContent() : description))
        .language(childText(item, "language") != null ? childText(item, "language") : channelLanguage)
        .published(Timestamps.parse("pubDate", childText(item, "pubDate")));
    article.byline(childText(item, "creator"));
    article.byline(childText(item, "author"));
    for (Element category : children(item, "category")) {
      article.subject(category.getTextContent());
    }
    return article.build();
  }
}

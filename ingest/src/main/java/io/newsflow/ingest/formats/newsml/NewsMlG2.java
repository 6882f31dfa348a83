package io.newsflow.ingest.formats.newsml;

import static io.newsflow.ingest.formats.xml.XmlElements.attr;
import static io.newsflow.ingest.formats.xml.XmlElements.child;
import static io.newsflow.ingest.formats.xml.XmlElements.childText;
import static io.newsflow.ingest.formats.xml.XmlElements.children;
import static io.newsflow.ingest.formats.xml.XmlElements.localName;
import static io.newsflow.ingest.formats.xml.XmlElements.text;

import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.ingest.formats.xml.XmlElements;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.SourceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * NewsML-G2 news items (IPTC): a {@code newsItem}, or the news items of a {@code newsMessage}. The text comes
 * from {@code inlineXML} (NITF or XHTML) or {@code inlineData}; non-text items (pictures, video) and packages
 * are refused with the reason.
 */
public final class NewsMlG2 {

  private NewsMlG2() {}

  /** Items of a {@code newsMessage} envelope, each read or refused on its own. */
  public static List<ParsedItem> parseMessage(Element newsMessage) {
    List<ParsedItem> items = new ArrayList<>();
    for (Element itemSet : children(newsMessage, "itemSet")) {
      for (Element item : childElements(itemSet)) {
        int index = items.size();
        try {
          items.add(ParsedItem.of(index, parseItem(item)));
        } catch (InvalidArticleException e) {
          items.add(ParsedItem.refused(index, e));
        }
      }
    }
    if (items.isEmpty()) {
      throw new InvalidArticleException("itemSet", "The newsMessage carries no items");
    }
    return items;
  }

  /** One item; anything but a text {@code newsItem} is refused naming what it is. */
  public static ParsedArticle parseItem(Element item) {
    String root = localName(item);
    if (!root.equals("newsItem")) {
      throw new InvalidArticleException("$", "NewsML-G2 " + root + " is not a text story; only newsItem is ingested");
    }
    Element itemMeta = child(item, "itemMeta");
    Element contentMeta = child(item, "contentMeta");
    String itemClass = attr(child(itemMeta, "itemClass"), "qcode");
    if (itemClass != null && !code(itemClass).equals("text") && !code(itemClass).equals("composite")) {
      throw new InvalidArticleException("itemMeta.itemClass",
          "NewsML-G2 item of class " + itemClass + " is not a text story; only ninat:text is ingested");
    }
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.NEWSML_G2)
        .id(attr(item, "guid"));
    String version = attr(item, "version");
    if (version != null) {
      article.version(number("version", version));
    }
    article.published(Timestamps.parse("itemMeta.versionCreated", childText(itemMeta, "versionCreated")))
        .firstCreated(Timestamps.parse("itemMeta.firstCreated", childText(itemMeta, "firstCreated")))
        .embargoedUntil(Timestamps.parse("itemMeta.embargoed", childText(itemMeta, "embargoed")))
        .pubStatus(pubStatus(attr(child(itemMeta, "pubStatus"), "qcode")))
        .ednote(childText(itemMeta, "edNote"));
    List<String> signals = new ArrayList<>();
    for (Element signal : children(itemMeta, "signal")) {
      String qcode = attr(signal, "qcode");
      if (qcode != null) {
        signals.add(code(qcode));
      }
    }
    article.signal(signals.isEmpty() ? null : String.join(",", signals));

    String urgency = childText(contentMeta, "urgency");
    if (urgency != null) {
      article.urgency((int) Math.min(Integer.MAX_VALUE, number("contentMeta.urgency", urgency)));
    }
    article.headline(childText(contentMeta, "headline"))
        .slugline(childText(contentMeta, "slugline"))
        .dateline(firstNonNull(childText(contentMeta, "dateline"), located(contentMeta)))
        .language(firstNonNull(attr(child(contentMeta, "language"), "tag"), xmlLang(item)));
    for (Element creator : children(contentMeta, "creator")) {
      article.byline(firstNonNull(childText(creator, "name"), null));
    }
    for (Element subject : children(contentMeta, "subject")) {
      article.subject(firstNonNull(childText(subject, "name"), attr(subject, "qcode")));
    }
    readContent(child(item, "contentSet"), article);
    return article.build();
  }

  private static void readContent(Element contentSet, ParsedArticle.Builder article) {
    if (contentSet == null) {
      throw new InvalidArticleException("contentSet", "The newsItem has no contentSet, so no text");
    }
    for (Element inline : children(contentSet, "inlineXML")) {
      Element nitf = XmlElements.descendant(inline, "nitf");
      if (nitf != null) {
        Element head = XmlElements.descendant(nitf, "body.head");
        if (article.headline() == null) {
          article.headline(text(XmlElements.descendant(head, "hl1")));
        }
        Element byline = XmlElements.descendant(head, "byline");
        if (byline != null && !article.hasBylines()) {
          article.byline(text(byline));
        }
        Element content = XmlElements.descendant(nitf, "body.content");
        article.body(XmlElements.paragraphs(content != null ? content : nitf));
      } else {
        Element body = XmlElements.descendant(inline, "body");
        article.body(XmlElements.paragraphs(body != null ? body : inline));
      }
      if (article.body() != null) {
        return;
      }
    }
    for (Element data : children(contentSet, "inlineData")) {
      String type = String.valueOf(attr(data, "contenttype")).toLowerCase(Locale.ROOT);
      String raw = data.getTextContent();
      article.body(type.contains("html") ? HtmlText.toText(raw) : HtmlText.normalisePlain(raw));
      if (article.body() != null) {
        return;
      }
    }
    throw new InvalidArticleException("contentSet",
        "The newsItem has no text: contentSet holds no inlineXML or inlineData with text");
  }

  private static String located(Element contentMeta) {
    Element located = child(contentMeta, "located");
    return located == null ? null : childText(located, "name");
  }

  private static String xmlLang(Element item) {
    String lang = item.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
    return lang == null || lang.isBlank() ? null : lang.strip();
  }

  private static PubStatus pubStatus(String qcode) {
    if (qcode == null) {
      return PubStatus.USABLE;
    }
    return switch (code(qcode)) {
      case "usable" -> PubStatus.USABLE;
      case "withheld" -> PubStatus.WITHHELD;
      case "canceled", "cancelled" -> PubStatus.CANCELED;
      default -> throw new InvalidArticleException("itemMeta.pubStatus",
          "pubStatus must be stat:usable, stat:withheld or stat:canceled, was " + qcode);
    };
  }

  /** The code of a QCode or IPTC URI: {@code stat:usable} and {@code http://cv.iptc.org/.../usable} give usable. */
  static String code(String qcode) {
    String trimmed = qcode.strip();
    int cut = Math.max(trimmed.lastIndexOf(':'), trimmed.lastIndexOf('/'));
    return trimmed.substring(cut + 1).toLowerCase(Locale.ROOT);
  }

  private static long number(String field, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArticleException(field, "'" + field + "' must be a whole number, was '" + text.strip() + "'");
    }
  }

  private static List<Element> childElements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}

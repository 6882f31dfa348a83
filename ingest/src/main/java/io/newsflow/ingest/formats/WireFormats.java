package io.newsflow.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.formats.feeds.Atom;
import io.newsflow.ingest.formats.feeds.Rss;
import io.newsflow.ingest.formats.html.HtmlArticle;
import io.newsflow.ingest.formats.json.SimpleArticle;
import io.newsflow.ingest.formats.newsml.NewsMlG2;
import io.newsflow.ingest.formats.ninjs.Ninjs;
import io.newsflow.ingest.formats.text.PlainText;
import io.newsflow.ingest.formats.xml.SafeXml;
import io.newsflow.ingest.formats.xml.XmlElements;
import io.newsflow.platform.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.w3c.dom.Element;

/** Picks the parser for a document from its media type and reads it into articles. */
public final class WireFormats {

  public static final String NINJS = "application/vnd.iptc.ninjs+json";
  public static final String NDJSON = "application/x-ndjson";

  private WireFormats() {}

  /**
   * Reads every article of the document. A document that cannot be read at all throws
   * {@link UnsupportedFormatException} (unknown media type) or {@link InvalidArticleException}; a bad item of a
   * document holding several (feed, JSON array, NDJSON, newsMessage) is reported in its {@link ParsedItem}.
   *
   * @param mediaType media type without parameters, lower case; empty is read as plain text
   */
  public static List<ParsedItem> read(byte[] bytes, String mediaType) {
    return switch (mediaType) {
      case "application/json" -> json(decodeUtf8(bytes), WireFormats::jsonArticle);
      case NINJS -> json(decodeUtf8(bytes), Ninjs::parse);
      case NDJSON, "application/jsonl", "application/x-jsonlines" -> ndjson(decodeUtf8(bytes));
      case "application/xml", "text/xml", "application/vnd.iptc.g2.newsitem+xml",
          "application/vnd.iptc.g2.newsmessage+xml", "application/rss+xml", "application/atom+xml" -> xml(bytes);
      case "text/plain", "" -> List.of(ParsedItem.of(0, PlainText.parse(decodeUtf8(bytes))));
      case "text/html", "application/xhtml+xml" -> List.of(ParsedItem.of(0, HtmlArticle.parse(decodeUtf8(bytes))));
      default -> throw new UnsupportedFormatException("Content-Type '" + mediaType + "' is not supported");
    };
  }

  /** The articles of the document; the first bad item rejects the whole document. */
  public static List<ParsedArticle> parse(byte[] bytes, String mediaType) {
    List<ParsedArticle> articles = new ArrayList<>();
    for (ParsedItem item : read(bytes, mediaType)) {
      if (!item.ok()) {
        throw item.error();
      }
      articles.add(item.article());
    }
    return articles;
  }

  private static ParsedArticle jsonArticle(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("$", "Expected a JSON object (a newsflow article or a ninjs item)");
    }
    return Ninjs.looksLikeNinjs(node) ? Ninjs.parse(node) : SimpleArticle.parse(node);
  }

  /** One JSON object, or an array of them (each item read on its own). */
  private static List<ParsedItem> json(String text, Function<JsonNode, ParsedArticle> reader) {
    JsonNode node = readJson(text, "$");
    if (node.isArray()) {
      if (node.isEmpty()) {
        throw new InvalidArticleException("$", "The JSON array holds no articles");
      }
      List<ParsedItem> items = new ArrayList<>();
      for (JsonNode element : node) {
        items.add(item(items.size(), "[" + items.size() + "]", () -> reader.apply(element)));
      }
      return items;
    }
    return List.of(ParsedItem.of(0, reader.apply(node)));
  }

  private static List<ParsedItem> ndjson(String text) {
    List<ParsedItem> items = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int line = 0; line < lines.length; line++) {
      if (lines[line].isBlank()) {
        continue;
      }
      String source = lines[line];
      String where = "line " + (line + 1);
      items.add(item(items.size(), where, () -> jsonArticle(readJson(source, where))));
    }
    if (items.isEmpty()) {
      throw new InvalidArticleException("$", "The NDJSON body holds no articles");
    }
    return items;
  }

  private static ParsedItem item(int index, String where, java.util.function.Supplier<ParsedArticle> reader) {
    try {
      return ParsedItem.of(index, reader.get());
    } catch (InvalidArticleException e) {
      String field = e.field() == null || e.field().equals("$") ? where : where + "." + e.field();
      return ParsedItem.refused(index, new InvalidArticleException(field, e.getMessage()));
    }
  }

  private static JsonNode readJson(String text, String field) {
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try {
      JsonNode node = Json.mapper().readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new InvalidArticleException(field, "Body is empty; expected JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException(field, "Body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** XML by its root element: NewsML-G2 newsItem or newsMessage, RSS 2.0, or Atom. */
  private static List<ParsedItem> xml(byte[] bytes) {
    Element root = SafeXml.parse(bytes).getDocumentElement();
    String name = XmlElements.localName(root);
    return switch (name) {
      case "newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem" ->
          List.of(ParsedItem.of(0, NewsMlG2.parseItem(root)));
      case "newsMessage" -> NewsMlG2.parseMessage(root);
      case "rss" -> nonEmpty(Rss.parse(root), "item");
      case "feed" -> nonEmpty(Atom.parse(root), "entry");
      default -> throw new InvalidArticleException("$", "XML root element <" + name + "> is not one ingest reads; "
          + "expected a NewsML-G2 newsItem or newsMessage, an RSS 2.0 rss or an Atom feed");
    };
  }

  private static List<ParsedItem> nonEmpty(List<ParsedItem> items, String element) {
    if (items.isEmpty()) {
      throw new InvalidArticleException(element, "The feed holds no " + element + " elements");
    }
    return items;
  }

  /** Strict UTF-8: invalid bytes are a client error, not silently replaced characters. */
  static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidArticleException("$", "Body is not valid UTF-8");
    }
  }
}

package io.newsflow.ingest.formats.ninjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.SourceFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * IPTC ninjs 1.x, 2.x and 3.x. Property names are matched without regard to case, because 3.x renamed
 * {@code versioncreated} to {@code versionCreated} and so on. Headline from {@code headline}, {@code headlines}
 * (role main first) or a 1.5+ {@code headline_*} property; body from {@code bodies} or {@code body_*}, marked-up
 * bodies preferred since they keep the paragraphs; a text item with neither falls back to its text description.
 */
public final class Ninjs {

  /** Properties only ninjs has: a JSON object with one of them is read as ninjs, not as a newsflow article. */
  private static final Set<String> MARKERS = Set.of("uri", "guid", "headlines", "bodies", "body_text", "body_html",
      "body_xhtml", "body_main", "body_richtext", "versioncreated", "firstcreated", "pubstatus", "$standard",
      "standard", "type", "by", "byline", "bylines", "located", "headline_main");

  private static final Set<String> TEXT_TYPES = Set.of("text", "composite");

  private Ninjs() {}

  public static boolean looksLikeNinjs(JsonNode node) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (MARKERS.contains(names.next().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  public static ParsedArticle parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("$", "A ninjs item is a JSON object");
    }
    String type = text(node, "type");
    if (type != null && !TEXT_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      throw new InvalidArticleException("type", "ninjs item of type '" + type + "' is not a text story; "
          + "only type text or composite with a body is ingested");
    }
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.NINJS)
        .id(text(node, "uri") != null ? text(node, "uri") : text(node, "guid"));
    String version = text(node, "version");
    if (version != null) {
      article.version(number("version", version));
    }
    String urgency = text(node, "urgency");
    if (urgency != null) {
      article.urgency((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number("urgency", urgency))));
    }
    article.published(Timestamps.parse("versioncreated", text(node, "versioncreated")))
        .firstCreated(Timestamps.parse("firstcreated", text(node, "firstcreated")))
        .embargoedUntil(Timestamps.parse("embargoed", text(node, "embargoed")))
        .pubStatus(pubStatus(text(node, "pubstatus")))
        .language(text(node, "language"))
        .slugline(text(node, "slugline"))
        .ednote(text(node, "ednote"))
        .dateline(text(node, "located") != null ? text(node, "located") : text(node, "dateline"))
        .headline(headline(node));
    bylines(node, article);
    subjects(node, "subject", article);
    subjects(node, "subjects", article);
    String body = body(node);
    if (body == null && (type == null || type.equalsIgnoreCase("text"))) {
      body = description(node);
    }
    article.body(withoutLeadingHeadline(body, article.headline()));
    if (article.body() == null) {
      throw new InvalidArticleException("body", "The ninjs item has no body text (body_text, body_html, "
          + "body_xhtml or bodies); picture, video and package items are not text stories");
    }
    return article.build();
  }

  /** Agencies often repeat the headline as the body's first line (TT's h1); it is not body text. */
  private static String withoutLeadingHeadline(String body, String headline) {
    if (body == null || headline == null) {
      return body;
    }
    String first = body.split("\n\n", 2)[0];
    if (first.strip().equals(headline.strip()) && body.length() > first.length()) {
      return body.substring(first.length()).strip();
    }
    return body;
  }

  private static String headline(JsonNode node) {
    String headline = text(node, "headline");
    if (headline != null) {
      return headline;
    }
    JsonNode headlines = field(node, "headlines");
    if (headlines != null && headlines.isArray()) {
      String first = null;
      for (JsonNode h : headlines) {
        String value = text(h, "value");
        if (value != null && "main".equalsIgnoreCase(text(h, "role"))) {
          return value;
        }
        first = first == null ? value : first;
      }
      if (first != null) {
        return first;
      }
    }
    String main = text(node, "headline_main");
    return main != null ? main : firstWithPrefix(node, "headline_");
  }

  private static String body(JsonNode node) {
    JsonNode bodies = field(node, "bodies");
    if (bodies != null && bodies.isArray()) {
      String plain = null;
      for (JsonNode b : bodies) {
        String value = text(b, "value");
        if (value == null) {
          continue;
        }
        String contentType = String.valueOf(text(b, "contenttype")).toLowerCase(Locale.ROOT);
        if (contentType.contains("html")) {
          String text = HtmlText.toText(value);
          if (!text.isBlank()) {
            return text;
          }
        } else if (contentType.equals("null") || contentType.startsWith("text/plain")) {
          plain = plain == null ? HtmlText.normalisePlain(value) : plain;
        }
      }
      if (plain != null && !plain.isBlank()) {
        return plain;
      }
    }
    for (String markup : new String[] {"body_html", "body_xhtml", "body_richtext"}) {
      String html = text(node, markup);
      if (html != null) {
        String text = HtmlText.toText(html);
        if (!text.isBlank()) {
          return text;
        }
      }
    }
    for (String plain : new String[] {"body_text", "body_main"}) {
      String text = text(node, plain);
      if (text != null) {
        return HtmlText.normalisePlain(text);
      }
    }
    return null;
  }

  private static String description(JsonNode node) {
    JsonNode descriptions = field(node, "descriptions");
    if (descriptions != null && descriptions.isArray()) {
      for (JsonNode d : descriptions) {
        String value = text(d, "value");
        if (value != null) {
          String contentType = String.valueOf(text(d, "contenttype")).toLowerCase(Locale.ROOT);
          return contentType.contains("html") ? HtmlText.toText(value) : HtmlText.normalisePlain(value);
        }
      }
    }
    String text = text(node, "description_text");
    return text == null ? null : HtmlText.normalisePlain(text);
  }

  private static void bylines(JsonNode node, ParsedArticle.Builder article) {
    article.byline(text(node, "byline"));
    article.byline(text(node, "by"));
    JsonNode bylines = field(node, "bylines");
    if (bylines != null && bylines.isArray()) {
      for (JsonNode b : bylines) {
        article.byline(b.isTextual() ? b.asText() : text(b, "byline"));
      }
    }
  }

  private static void subjects(JsonNode node, String name, ParsedArticle.Builder article) {
    JsonNode subjects = field(node, name);
    if (subjects == null || !subjects.isArray()) {
      return;
    }
    for (JsonNode s : subjects) {
      if (s.isTextual()) {
        article.subject(s.asText());
        continue;
      }
      String label = text(s, "name");
      for (String other : new String[] {"literal", "code", "uri"}) {
        label = label != null ? label : text(s, other);
      }
      article.subject(label);
    }
  }

  private static PubStatus pubStatus(String value) {
    if (value == null) {
      return PubStatus.USABLE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "usable" -> PubStatus.USABLE;
      case "withheld" -> PubStatus.WITHHELD;
      case "canceled", "cancelled" -> PubStatus.CANCELED;
      default -> throw new InvalidArticleException("pubstatus",
          "pubstatus must be usable, withheld or canceled, was '" + value + "'");
    };
  }

  private static String firstWithPrefix(JsonNode node, String prefix) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).startsWith(prefix) && e.getValue().isTextual()
          && !e.getValue().asText().isBlank()) {
        return e.getValue().asText();
      }
    }
    return null;
  }

  /** The property with this name in any case: ninjs 3 writes {@code versionCreated} where 1.x wrote {@code versioncreated}. */
  static JsonNode field(JsonNode node, String lowerName) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode exact = node.get(lowerName);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A scalar property as text (numbers too: some agencies send "version": 2, others "2"); null when absent. */
  static String text(JsonNode node, String lowerName) {
    JsonNode value = field(node, lowerName);
    if (value == null || value.isNull() || value.isContainerNode()) {
      if (value != null && value.isContainerNode()) {
        throw new InvalidArticleException(lowerName, "'" + lowerName + "' must be a string or number");
      }
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  private static long number(String field, String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArticleException(field, "'" + field + "' must be a whole number, was '" + text + "'");
    }
  }
}

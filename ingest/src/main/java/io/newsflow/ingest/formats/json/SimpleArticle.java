package io.newsflow.ingest.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.Timestamps;
import io.newsflow.ingest.formats.html.HtmlText;
import io.newsflow.schemas.avro.SourceFormat;

/**
 * newsflow's own JSON article: {@code {"id", "headline", "body", "language", "published", "urgency", "version"}};
 * headline and body required, the rest optional.
 */
public final class SimpleArticle {

  private SimpleArticle() {}

  public static ParsedArticle parse(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("$", "Expected a JSON object");
    }
    ParsedArticle.Builder article = ParsedArticle.builder(SourceFormat.JSON)
        .id(optionalText(node, "id"))
        .headline(requiredText(node, "headline"))
        .body(HtmlText.normalisePlain(requiredText(node, "body")))
        .language(optionalText(node, "language"))
        .published(Timestamps.parse("published", optionalText(node, "published")));
    if (node.hasNonNull("version")) {
      article.version(wholeNumber("version", node.get("version")));
    }
    if (node.hasNonNull("urgency")) {
      long urgency = wholeNumber("urgency", node.get("urgency"));
      if (urgency < 1 || urgency > 9) {
        throw new InvalidArticleException("urgency", "urgency must be 1 (most urgent) to 9");
      }
      article.urgency((int) urgency);
    }
    return article.build();
  }

  private static long wholeNumber(String field, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new InvalidArticleException(field, "'" + field + "' must be a whole number");
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidArticleException(field, "'" + field + "' is required and must be a non-empty string");
    }
    return value.asText();
  }

  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new InvalidArticleException(field, "'" + field + "' must be a string");
    }
    return value.asText().isBlank() ? null : value.asText();
  }
}

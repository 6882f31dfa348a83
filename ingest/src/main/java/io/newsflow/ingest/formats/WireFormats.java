package io.newsflow.ingest.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.SourceFormat;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Picks the parser for a document from its media type and reads it into articles. */
public final class WireFormats {

  private WireFormats() {}

  public static List<ParsedArticle> parse(byte[] bytes, String mediaType) {
    String text = decodeUtf8(bytes);
    return switch (mediaType) {
      case "application/json" -> List.of(parseJson(text));
      case "text/plain", "" -> List.of(PlainText.parse(text));
      default -> throw new UnsupportedFormatException("Content-Type '" + mediaType + "' is not supported");
    };
  }

  static ParsedArticle parseJson(String text) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidArticleException("$", "Body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidArticleException("$", "Expected a JSON object");
    }
    String headline = requiredText(node, "headline");
    String body = requiredText(node, "body");
    long version = node.path("version").asLong(1);
    if (version < 1) {
      throw new InvalidArticleException("version", "version must be 1 or more");
    }
    Integer urgency = null;
    if (node.hasNonNull("urgency")) {
      int u = node.get("urgency").asInt(-1);
      if (u < 1 || u > 9) {
        throw new InvalidArticleException("urgency", "urgency must be 1 (most urgent) to 9");
      }
      urgency = u;
    }
    return new ParsedArticle(optionalText(node, "id"), version, headline, body, optionalText(node, "language"),
        instant(node, "published"), null, urgency, null, null, null, List.of(), null, List.of(), null, null,
        SourceFormat.JSON);
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
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = optionalText(node, field);
    if (value == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidArticleException(field, "'" + field + "' must be an ISO-8601 date-time with offset");
    }
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

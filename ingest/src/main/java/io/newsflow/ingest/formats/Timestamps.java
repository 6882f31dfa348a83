package io.newsflow.ingest.formats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Dates as wire formats write them: ISO-8601 (with or without offset, or a bare date) and RFC 822 for RSS. */
public final class Timestamps {

  private Timestamps() {}

  /** Null for null or blank text; an {@link InvalidArticleException} naming {@code field} when unreadable. */
  public static Instant parse(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the other shapes below
    }
    try {
      // ISO date-time without an offset: agencies that omit it mean UTC
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next
    }
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidArticleException(field,
          "'" + field + "' must be an ISO-8601 or RFC 822 date-time, was '" + abbreviate(value) + "'");
    }
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}

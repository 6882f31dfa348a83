package io.newsflow.enrich;

import io.newsflow.platform.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language each source writes in, for stories whose language cannot be detected (a results table, a
 * one-line flash): the enrichment then reads them in that language instead of leaving them unenriched.
 *
 * @param bySource        language per source (the credential's principal)
 * @param defaultLanguage language of every other source, or null for none
 */
public record SourceLanguages(Map<String, String> bySource, String defaultLanguage) {

  public static final SourceLanguages NONE = new SourceLanguages(Map.of(), null);

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  public SourceLanguages {
    bySource = Map.copyOf(bySource);
  }

  /** {@code source:language} pairs separated by commas ({@code reuters:en,afp:fr}), and a default (may be blank). */
  public static SourceLanguages parse(String pairs, String defaultLanguage) {
    Map<String, String> bySource = new LinkedHashMap<>();
    for (String pair : pairs == null ? new String[0] : pairs.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || !LANGUAGE.matcher(parts[1].strip()).matches()) {
        throw new ConfigException("Source languages are written source:language (reuters:en,afp:fr), not '"
            + pair.strip() + "'");
      }
      bySource.put(parts[0].strip(), parts[1].strip());
    }
    String fallback = defaultLanguage == null || defaultLanguage.isBlank() ? null : defaultLanguage.strip();
    if (fallback != null && !LANGUAGE.matcher(fallback).matches()) {
      throw new ConfigException("The default language is an ISO 639-1 code such as en, not '" + fallback + "'");
    }
    return new SourceLanguages(bySource, fallback);
  }

  /** The language configured for {@code source}, else the default, else empty. */
  public Optional<String> of(String source) {
    return Optional.ofNullable(bySource.getOrDefault(source, defaultLanguage));
  }
}

package io.newsflow.ingest.formats;

/** The media type or document is not one ingest reads; says what was expected. */
public final class UnsupportedFormatException extends RuntimeException {

  public static final String EXPECTED =
      "application/json (newsflow article or ninjs), application/x-ndjson, text/plain";

  public UnsupportedFormatException(String detail) {
    super(detail + "; expected one of: " + EXPECTED);
  }
}

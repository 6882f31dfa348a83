package io.newsflow.ingest.formats;

/** The media type or document is not one ingest reads; says what was expected. */
public final class UnsupportedFormatException extends RuntimeException {

  public static final String EXPECTED = "application/json (newsflow article or ninjs), "
      + "application/vnd.iptc.ninjs+json, application/x-ndjson, application/xml or text/xml "
      + "(NewsML-G2, RSS 2.0, Atom), application/vnd.iptc.g2.newsitem+xml, application/rss+xml, "
      + "application/atom+xml, text/plain, text/html";

  public UnsupportedFormatException(String detail) {
    super(detail + "; expected one of: " + EXPECTED);
  }
}

package io.newsflow.ingest;

import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.platform.logging.LogContext;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Turns a parsed article into the raw record: source from the credential, digests, story id, and the trace id of
 * the request that brought it (the caller's W3C {@code traceparent} trace, else a new one), which the record's
 * {@code traceparent} header, the index document and the alerts carry too.
 */
public final class RawArticles {

  private RawArticles() {}

  public static RawArticle from(ParsedArticle parsed, String source, String contentType, byte[] original, Instant received) {
    String textDigest = sha256(normaliseText(parsed.headline() + "\n\n" + parsed.body()));
    String id = parsed.id() != null ? parsed.id() : "urn:newsflow:" + source + ":" + textDigest.substring(0, 32);
    return RawArticle.newBuilder()
        .setId(id)
        .setVersion(parsed.version())
        .setSource(source)
        .setFormat(parsed.format())
        .setHeadline(parsed.headline())
        .setBody(parsed.body())
        .setLanguage(parsed.language())
        .setPublished(parsed.published())
        .setFirstCreated(parsed.firstCreated())
        .setReceived(received)
        .setUrgency(parsed.urgency())
        .setPubStatus(parsed.pubStatus())
        .setEmbargoedUntil(parsed.embargoedUntil())
        .setSignal(parsed.signal())
        .setBylines(parsed.bylines())
        .setDateline(parsed.dateline())
        .setSubjects(parsed.subjects())
        .setSlugline(parsed.slugline())
        .setEdnote(parsed.ednote())
        .setContentType(contentType)
        .setOriginalDigest(sha256(original))
        .setTextDigest(textDigest)
        .setTraceId(LogContext.currentOrNewTraceId())
        .build();
  }

  /** Text as compared for exact resends: Unicode NFC, whitespace runs folded. */
  static String normaliseText(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}

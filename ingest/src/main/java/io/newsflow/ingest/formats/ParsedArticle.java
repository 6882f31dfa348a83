package io.newsflow.ingest.formats;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.List;

/**
 * One article read from wire copy, before ingest adds source, digests and receive time.
 *
 * @param id             story id from the document (ninjs uri, guid, ...), or null to derive one from the content
 * @param version        story version, 1 when the format has none
 * @param headline       plain text
 * @param body           plain text, paragraphs separated by a blank line
 * @param language       language tag as delivered, or null
 * @param urgency        1..9, or null
 * @param format         the wire format
 */
public record ParsedArticle(String id, long version, String headline, String body, String language,
                            Instant published, Instant firstCreated, Integer urgency, PubStatus pubStatus,
                            Instant embargoedUntil, String signal, List<String> bylines, String dateline,
                            List<String> subjects, String slugline, String ednote, SourceFormat format) {

  public ParsedArticle {
    bylines = bylines == null ? List.of() : List.copyOf(bylines);
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
  }

  /** A plain article with only the essentials, as most tests and the plain-text format need. */
  public static ParsedArticle simple(String id, long version, String headline, String body, SourceFormat format) {
    return new ParsedArticle(id, version, headline, body, null, null, null, null, PubStatus.USABLE, null, null,
        List.of(), null, List.of(), null, null, format);
  }
}

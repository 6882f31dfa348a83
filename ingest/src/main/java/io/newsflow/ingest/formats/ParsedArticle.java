package io.newsflow.ingest.formats;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.SourceFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One article read from wire copy, before ingest adds source, digests and receive time.
 *
 * @param id             story id from the document (ninjs uri, guid, ...), or null to derive one from the content
 * @param version        story version, 1 when the format has none
 * @param versionStated  whether the document itself states the version; when not, ingest numbers changed
 *                       text of the same story as the next version
 * @param headline       plain text
 * @param body           plain text, paragraphs separated by a blank line
 * @param language       language tag as delivered, or null
 * @param urgency        1..9, or null
 * @param format         the wire format
 */
public record ParsedArticle(String id, long version, boolean versionStated, String headline, String body,
                            String language, Instant published, Instant firstCreated, Integer urgency,
                            PubStatus pubStatus, Instant embargoedUntil, String signal, List<String> bylines,
                            String dateline, List<String> subjects, String slugline, String ednote,
                            SourceFormat format) {

  public ParsedArticle {
    bylines = bylines == null ? List.of() : List.copyOf(bylines);
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
  }

  /** A plain article with only the essentials, as most tests and the plain-text format need. */
  public static ParsedArticle simple(String id, long version, String headline, String body, SourceFormat format) {
    return builder(format).id(id).version(version).headline(headline).body(body).build();
  }

  public static Builder builder(SourceFormat format) {
    return new Builder(format);
  }

  /** Collects fields as a parser finds them; {@link #build()} checks the essentials and names the missing field. */
  public static final class Builder {
    private final SourceFormat format;
    private String id;
    private long version = 1;
    private boolean versionStated;
    private String headline;
    private String body;
    private String language;
    private Instant published;
    private Instant firstCreated;
    private Integer urgency;
    private PubStatus pubStatus = PubStatus.USABLE;
    private Instant embargoedUntil;
    private String signal;
    private final List<String> bylines = new ArrayList<>();
    private String dateline;
    private final List<String> subjects = new ArrayList<>();
    private String slugline;
    private String ednote;

    private Builder(SourceFormat format) {
      this.format = format;
    }

    public Builder id(String id) {
      this.id = blankToNull(id);
      return this;
    }

    /** A version the document states: 1 or more. */
    public Builder version(long version) {
      if (version < 1) {
        throw new InvalidArticleException("version", "version must be 1 or more, was " + version);
      }
      this.version = version;
      this.versionStated = true;
      return this;
    }

    public Builder headline(String headline) {
      this.headline = blankToNull(oneLine(headline));
      return this;
    }

    public Builder body(String body) {
      this.body = blankToNull(body);
      return this;
    }

    public Builder language(String language) {
      this.language = blankToNull(language);
      return this;
    }

    public Builder published(Instant published) {
      this.published = published;
      return this;
    }

    public Builder firstCreated(Instant firstCreated) {
      this.firstCreated = firstCreated;
      return this;
    }

    public Builder urgency(Integer urgency) {
      if (urgency != null && (urgency < 0 || urgency > 9)) {
        throw new InvalidArticleException("urgency", "urgency must be 1 (most urgent) to 9, was " + urgency);
      }
      // IPTC allows 0 as "no urgency stated" in some feeds; treat it as absent
      this.urgency = urgency == null || urgency == 0 ? null : urgency;
      return this;
    }

    public Builder pubStatus(PubStatus pubStatus) {
      this.pubStatus = pubStatus == null ? PubStatus.USABLE : pubStatus;
      return this;
    }

    public Builder embargoedUntil(Instant embargoedUntil) {
      this.embargoedUntil = embargoedUntil;
      return this;
    }

    public Builder signal(String signal) {
      this.signal = blankToNull(signal);
      return this;
    }

    public Builder byline(String byline) {
      String b = blankToNull(oneLine(byline));
      if (b != null && !bylines.contains(b)) {
        bylines.add(b);
      }
      return this;
    }

    public Builder dateline(String dateline) {
      this.dateline = blankToNull(oneLine(dateline));
      return this;
    }

    public Builder subject(String subject) {
      String s = blankToNull(oneLine(subject));
      if (s != null && !subjects.contains(s)) {
        subjects.add(s);
      }
      return this;
    }

    public Builder slugline(String slugline) {
      this.slugline = blankToNull(oneLine(slugline));
      return this;
    }

    public Builder ednote(String ednote) {
      this.ednote = blankToNull(oneLine(ednote));
      return this;
    }

    public String headline() {
      return headline;
    }

    public String body() {
      return body;
    }

    public boolean hasBylines() {
      return !bylines.isEmpty();
    }

    /** The article; a missing headline or body is an {@link InvalidArticleException} naming the field. */
    public ParsedArticle build() {
      if (headline == null) {
        throw new InvalidArticleException("headline", "The article has no headline");
      }
      if (body == null) {
        throw new InvalidArticleException("body", "The article has no body text");
      }
      return new ParsedArticle(id, version, versionStated, headline, body, language, published, firstCreated,
          urgency, pubStatus, embargoedUntil, signal, bylines, dateline, subjects, slugline, ednote, format);
    }

    /** Headlines and other one-line fields arrive wrapped over several lines in XML; fold the whitespace. */
    private static String oneLine(String text) {
      return text == null ? null : text.replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
      if (text == null) {
        return null;
      }
      String stripped = text.strip();
      return stripped.isEmpty() ? null : stripped;
    }
  }
}

package io.newsflow.launcher.fuzz;

import io.newsflow.enrich.Enricher;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.UnsupportedFormatException;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.sink.index.IndexDocuments;
import java.time.Instant;
import java.util.List;

/**
 * The path an input takes in production, without Kafka: parse by media type, build the raw record and
 * serialise it, enrich, serialise the enriched record, build the index document.
 */
public final class FuzzTarget {

  private static final Instant RECEIVED = Instant.parse("2026-03-03T10:00:00Z");

  private final Enricher enricher;

  public FuzzTarget(Enricher enricher) {
    this.enricher = enricher;
  }

  /** Runs one input; throws whatever the code under test throws other than a clean rejection. */
  public Outcome run(FuzzInput input) {
    List<ParsedArticle> parsed;
    try {
      parsed = WireFormats.parse(input.bytes(), input.mediaType());
    } catch (InvalidArticleException | UnsupportedFormatException e) {
      return Outcome.REJECTED;
    }
    for (ParsedArticle article : parsed) {
      RawArticle raw = RawArticles.from(article, "fuzz", input.mediaType(), input.bytes(), RECEIVED);
      Topics.RAW.valueSerde().serializer().serialize(Topics.RAW.name(), raw);
      EnrichedArticle enriched = enricher.enrich(raw);
      Topics.ENRICHED.valueSerde().serializer().serialize(Topics.ENRICHED.name(), enriched);
      String document = IndexDocuments.toJson(enriched);
      if (document.contains(HostileDocuments.LEAK_MARKER)) {
        return Outcome.UNSAFE;
      }
    }
    return Outcome.ACCEPTED;
  }
}

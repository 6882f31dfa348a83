package io.newsflow.enrich;

import io.newsflow.enrich.model.Entity;
import io.newsflow.enrich.model.EntityRef;
import io.newsflow.enrich.model.Quote;
import io.newsflow.enrich.model.Stance;
import io.newsflow.enrich.model.TextSpan;
import io.newsflow.schemas.avro.Span;
import java.util.List;

/** From the enrichment model to the Avro records on {@code news.enriched}. */
final class AvroMapping {

  private AvroMapping() {}

  static List<io.newsflow.schemas.avro.Entity> entities(List<Entity> entities) {
    return entities.stream().map(e -> io.newsflow.schemas.avro.Entity.newBuilder()
        .setId(e.id())
        .setName(e.name())
        .setType(e.type())
        .setLinked(e.linked())
        .setMentions(e.mentions().stream().map(AvroMapping::span).toList())
        .setSalience(e.salience())
        .setConfidence(e.confidence())
        .build()).toList();
  }

  static List<io.newsflow.schemas.avro.Stance> stances(List<Stance> stances) {
    return stances.stream().map(s -> io.newsflow.schemas.avro.Stance.newBuilder()
        .setHolder(ref(s.holder()))
        .setOnBehalfOf(ref(s.onBehalfOf()))
        .setTarget(s.target())
        .setTargetEntity(ref(s.targetEntity()))
        .setPolarity(s.polarity())
        .setConfidence(s.confidence())
        .setEvidence(span(s.evidence()))
        .setReportedBy(ref(s.reportedBy()))
        .build()).toList();
  }

  static List<io.newsflow.schemas.avro.Quote> quotes(List<Quote> quotes) {
    return quotes.stream().map(q -> io.newsflow.schemas.avro.Quote.newBuilder()
        .setSpeaker(ref(q.speaker()))
        .setKind(q.kind())
        .setSpan(span(q.span()))
        .build()).toList();
  }

  private static Span span(TextSpan span) {
    return new Span(span.field(), span.start(), span.end(), span.text());
  }

  private static io.newsflow.schemas.avro.EntityRef ref(EntityRef ref) {
    return ref == null ? null : new io.newsflow.schemas.avro.EntityRef(ref.id(), ref.name());
  }
}

package io.newsflow.enrich;

import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.Quote;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.TextSpan;
import io.newsflow.schemas.avro.Span;
import java.util.List;

/** From the nlp library's model to the Avro records on {@code news.enriched}; enums map by name. */
final class AvroMapping {

  private AvroMapping() {}

  static List<io.newsflow.schemas.avro.Entity> entities(List<Entity> entities) {
    return entities.stream().map(e -> io.newsflow.schemas.avro.Entity.newBuilder()
        .setId(e.id())
        .setName(e.name())
        .setType(io.newsflow.schemas.avro.EntityType.valueOf(e.type().name()))
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
        .setPolarity(io.newsflow.schemas.avro.Polarity.valueOf(s.polarity().name()))
        .setConfidence(s.confidence())
        .setEvidence(span(s.evidence()))
        .setReportedBy(ref(s.reportedBy()))
        .build()).toList();
  }

  static List<io.newsflow.schemas.avro.Quote> quotes(List<Quote> quotes) {
    return quotes.stream().map(q -> io.newsflow.schemas.avro.Quote.newBuilder()
        .setSpeaker(ref(q.speaker()))
        .setKind(io.newsflow.schemas.avro.QuoteKind.valueOf(q.kind().name()))
        .setSpan(span(q.span()))
        .build()).toList();
  }

  private static Span span(TextSpan span) {
    return new Span(io.newsflow.schemas.avro.TextField.valueOf(span.field().name()), span.start(), span.end(), span.text());
  }

  private static io.newsflow.schemas.avro.EntityRef ref(EntityRef ref) {
    return ref == null ? null : new io.newsflow.schemas.avro.EntityRef(ref.id(), ref.name());
  }
}

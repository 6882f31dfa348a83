package io.newsflow.sink.alerts;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import io.newsflow.schemas.avro.Span;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.schemas.avro.TextField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Enriched stories for tests, built the way enrich would emit them. */
public final class Stories {

  public static final Instant RECEIVED = Instant.parse("2026-03-27T10:15:00Z");

  private final String id;
  private long version = 1;
  private String headline = "Leaders meet in Paris";
  private String body = "Leaders met in Paris on Thursday.";
  private String language = "en";
  private String source = "wire";
  private Integer urgency = 4;
  private PubStatus status = PubStatus.USABLE;
  private boolean reenriched;
  private Map<String, String> models = Map.of("entities", "ner-1");
  private final List<Entity> entities = new ArrayList<>();
  private final List<Stance> stances = new ArrayList<>();

  private Stories(String id) {
    this.id = id;
  }

  public static Stories story(String id) {
    return new Stories(id);
  }

  public Stories version(long version) {
    this.version = version;
    return this;
  }

  public Stories text(String headline, String body) {
    this.headline = headline;
    this.body = body;
    return this;
  }

  public Stories language(String language) {
    this.language = language;
    return this;
  }

  public Stories source(String source) {
    this.source = source;
    return this;
  }

  public Stories urgency(Integer urgency) {
    this.urgency = urgency;
    return this;
  }

  public Stories status(PubStatus status) {
    this.status = status;
    return this;
  }

  /** Written by {@code bin/newsflow reenrich} with the given entity model. */
  public Stories reenrichedWith(String entityModel) {
    this.reenriched = true;
    this.models = Map.of("entities", entityModel);
    return this;
  }

  /** An entity mentioned at the first occurrence of {@code mention} in the body. */
  public Stories entity(String qid, String name, EntityType type, String mention) {
    int start = Math.max(0, body.indexOf(mention));
    entities.add(Entity.newBuilder().setId(qid).setName(name).setType(type).setLinked(qid.startsWith("Q"))
        .setMentions(List.of(span(start, start + mention.length(), mention)))
        .setSalience(0.5).setConfidence(0.9).build());
    return this;
  }

  /** A stance whose evidence is the body sentence containing {@code sentence}. */
  public Stories stance(String holderId, String holderName, Polarity polarity, String target, String sentence) {
    int start = Math.max(0, body.indexOf(sentence));
    stances.add(Stance.newBuilder().setHolder(new EntityRef(holderId, holderName)).setOnBehalfOf(null)
        .setTarget(target).setTargetEntity(null).setPolarity(polarity).setConfidence(0.8)
        .setEvidence(span(start, start + sentence.length(), sentence)).setReportedBy(null).build());
    return this;
  }

  public EnrichedArticle build() {
    RawArticle raw = RawArticle.newBuilder().setId(id).setVersion(version).setSource(source)
        .setFormat(SourceFormat.TEXT).setHeadline(headline).setBody(body).setLanguage(language)
        .setPublished(RECEIVED).setReceived(RECEIVED.plusSeconds(version)).setUrgency(urgency).setPubStatus(status)
        .setContentType("text/plain").setOriginalDigest("o-" + id + version).setTextDigest("t-" + id + version)
        .setTraceId("trace-" + id).build();
    return EnrichedArticle.newBuilder().setArticle(raw).setLanguage(language).setLanguageSource("record")
        .setEntities(entities).setStances(stances).setQuotes(List.of()).setSteps(List.of("language"))
        .setEnrichedAt(RECEIVED.plusSeconds(version + 1)).setModels(models).setReenriched(reenriched).build();
  }

  private static Span span(int start, int end, String text) {
    return Span.newBuilder().setField(TextField.BODY).setStart(start).setEnd(end).setText(text).build();
  }
}

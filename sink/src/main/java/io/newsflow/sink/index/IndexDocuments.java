package io.newsflow.sink.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.Quote;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Span;
import io.newsflow.schemas.avro.Stance;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * The index document: the product's contract with downstream consumers, documented in the README and in
 * {@code index-document.schema.json}. Changes are additive only; {@link #SCHEMA_VERSION} counts them.
 */
public final class IndexDocuments {

  public static final int SCHEMA_VERSION = 2;

  private IndexDocuments() {}

  /** Whether the story must leave the index (a tombstone) rather than be indexed. */
  public static boolean removes(EnrichedArticle article) {
    PubStatus status = article.getArticle().getPubStatus();
    return status == PubStatus.CANCELED || status == PubStatus.WITHHELD;
  }

  public static String toJson(EnrichedArticle enriched) {
    return Json.write(toTree(enriched));
  }

  public static ObjectNode toTree(EnrichedArticle enriched) {
    RawArticle a = enriched.getArticle();
    ObjectNode doc = Json.mapper().createObjectNode();
    doc.put("schemaVersion", SCHEMA_VERSION);
    doc.put("id", a.getId());
    doc.put("version", a.getVersion());
    doc.put("headline", a.getHeadline());
    doc.put("body", a.getBody());
    doc.put("language", enriched.getLanguage());
    doc.put("languageSource", enriched.getLanguageSource());
    doc.put("source", a.getSource());
    doc.put("format", a.getFormat().name());
    doc.put("published", instant(a.getPublished()));
    doc.put("firstCreated", instant(a.getFirstCreated()));
    doc.put("received", instant(a.getReceived()));
    doc.put("enrichedAt", instant(enriched.getEnrichedAt()));
    ObjectNode models = doc.putObject("models");
    new TreeMap<>(enriched.getModels()).forEach(models::put);
    if (a.getUrgency() == null) {
      doc.putNull("urgency");
    } else {
      doc.put("urgency", a.getUrgency());
    }
    doc.put("pubStatus", a.getPubStatus().name());
    doc.put("signal", a.getSignal());
    strings(doc.putArray("bylines"), a.getBylines());
    doc.put("dateline", a.getDateline());
    strings(doc.putArray("subjects"), a.getSubjects());
    doc.put("slugline", a.getSlugline());
    doc.put("duplicateOf", enriched.getDuplicateOf());
    doc.put("storyCluster", enriched.getStoryCluster());
    doc.put("traceId", a.getTraceId());

    ArrayNode entities = doc.putArray("entities");
    for (Entity e : enriched.getEntities()) {
      ObjectNode n = entities.addObject();
      n.put("id", e.getId());
      n.put("name", e.getName());
      n.put("type", e.getType().name());
      n.put("linked", e.getLinked());
      ArrayNode mentions = n.putArray("mentions");
      e.getMentions().forEach(m -> span(mentions.addObject(), m));
      n.put("salience", e.getSalience());
      n.put("confidence", e.getConfidence());
    }
    ArrayNode stances = doc.putArray("stances");
    for (Stance s : enriched.getStances()) {
      ObjectNode n = stances.addObject();
      ref(n, "holder", s.getHolder());
      ref(n, "onBehalfOf", s.getOnBehalfOf());
      n.put("target", s.getTarget());
      ref(n, "targetEntity", s.getTargetEntity());
      n.put("polarity", s.getPolarity().name());
      n.put("confidence", s.getConfidence());
      span(n.putObject("evidence"), s.getEvidence());
      ref(n, "reportedBy", s.getReportedBy());
    }
    ArrayNode quotes = doc.putArray("quotes");
    for (Quote q : enriched.getQuotes()) {
      ObjectNode n = quotes.addObject();
      ref(n, "speaker", q.getSpeaker());
      n.put("kind", q.getKind().name());
      span(n, q.getSpan());
    }
    facets(doc.putObject("facets"), enriched);
    return doc;
  }

  /** Flat fields for filtering and aggregations, so consumers need not walk the nested lists. */
  private static void facets(ObjectNode facets, EnrichedArticle enriched) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    Set<String> people = new LinkedHashSet<>();
    Set<String> organizations = new LinkedHashSet<>();
    Set<String> locations = new LinkedHashSet<>();
    Set<String> misc = new LinkedHashSet<>();
    for (Entity e : enriched.getEntities()) {
      ids.add(e.getId());
      names.add(e.getName());
      switch (e.getType()) {
        case PERSON -> people.add(e.getId());
        case ORGANIZATION -> organizations.add(e.getId());
        case LOCATION -> locations.add(e.getId());
        case MISC -> misc.add(e.getId());
      }
    }
    Set<String> holders = new LinkedHashSet<>();
    Set<String> holderPolarities = new LinkedHashSet<>();
    for (Stance s : enriched.getStances()) {
      for (EntityRef holder : new EntityRef[] {s.getHolder(), s.getOnBehalfOf()}) {
        if (holder != null) {
          holders.add(holder.getId());
          holderPolarities.add(holder.getId() + ":" + s.getPolarity().name());
        }
      }
    }
    Set<String> speakers = new LinkedHashSet<>();
    enriched.getQuotes().stream().filter(q -> q.getSpeaker() != null).forEach(q -> speakers.add(q.getSpeaker().getId()));
    strings(facets.putArray("entityIds"), ids);
    strings(facets.putArray("entityNames"), names);
    strings(facets.putArray("people"), people);
    strings(facets.putArray("organizations"), organizations);
    strings(facets.putArray("locations"), locations);
    strings(facets.putArray("misc"), misc);
    strings(facets.putArray("stanceHolders"), holders);
    strings(facets.putArray("stanceHolderPolarities"), holderPolarities);
    strings(facets.putArray("quoteSpeakers"), speakers);
  }

  private static void span(ObjectNode node, Span span) {
    node.put("field", span.getField().name().toLowerCase(java.util.Locale.ROOT));
    node.put("start", span.getStart());
    node.put("end", span.getEnd());
    node.put("text", span.getText());
  }

  private static void ref(ObjectNode parent, String field, EntityRef ref) {
    if (ref == null) {
      parent.putNull(field);
    } else {
      parent.putObject(field).put("id", ref.getId()).put("name", ref.getName());
    }
  }

  private static void strings(ArrayNode array, Collection<String> values) {
    values.forEach(array::add);
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

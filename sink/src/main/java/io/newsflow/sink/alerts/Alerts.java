package io.newsflow.sink.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Span;
import io.newsflow.schemas.avro.Stance;
import io.newsflow.sink.alerts.matching.Match;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The alert: value of a record on {@code news.alerts} (key: subscription id), the body of a webhook POST and
 * the data of a server-sent event. Documented in the sink README.
 */
public final class Alerts {

  public static final int SCHEMA_VERSION = 1;

  /** MATCH: the story matches (first time, or differently than its last version). RETRACTION: it no longer does. */
  public enum Type { MATCH, RETRACTION }

  /** Why a retraction was sent. */
  public enum RetractionReason { KILLED, NO_LONGER_MATCHES }

  private Alerts() {}

  public static ObjectNode match(Match match, EnrichedArticle story, Instant createdAt) {
    ObjectNode alert = common(Type.MATCH, match.subscription().id(), match.subscription().name(), story,
        match.signature(), createdAt);
    alert.putNull("retractionReason");
    ObjectNode why = alert.putObject("why");
    ArrayNode entities = why.putArray("entities");
    for (Entity e : match.entities()) {
      entities.addObject().put("id", e.getId()).put("name", e.getName()).put("type", e.getType().name());
    }
    ArrayNode stances = why.putArray("stances");
    for (Stance s : match.stances()) {
      ObjectNode n = stances.addObject();
      ref(n, "holder", s.getHolder());
      ref(n, "onBehalfOf", s.getOnBehalfOf());
      n.put("polarity", s.getPolarity().name());
      n.put("target", s.getTarget());
      n.put("confidence", s.getConfidence());
      Span evidence = s.getEvidence();
      n.putObject("evidence").put("field", evidence.getField().name().toLowerCase(Locale.ROOT))
          .put("start", evidence.getStart()).put("end", evidence.getEnd()).put("text", evidence.getText());
      ref(n, "reportedBy", s.getReportedBy());
    }
    ArrayNode keywords = why.putArray("keywords");
    match.keywords().forEach(keywords::add);
    return alert;
  }

  public static ObjectNode retraction(String subscriptionId, String subscriptionName, EnrichedArticle story,
                                      RetractionReason reason, Instant createdAt) {
    ObjectNode alert = common(Type.RETRACTION, subscriptionId, subscriptionName, story, reason.name(), createdAt);
    alert.put("retractionReason", reason.name());
    alert.putNull("why");
    return alert;
  }

  private static ObjectNode common(Type type, String subscriptionId, String subscriptionName, EnrichedArticle story,
                                   String discriminator, Instant createdAt) {
    RawArticle a = story.getArticle();
    ObjectNode alert = Json.mapper().createObjectNode();
    alert.put("schemaVersion", SCHEMA_VERSION);
    // the same story version, subscription and outcome always give the same id, so consumers can deduplicate
    String identity = type + "|" + subscriptionId + "|" + a.getId() + "|" + a.getVersion() + "|" + discriminator;
    alert.put("alertId", UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString());
    alert.put("type", type.name());
    alert.put("subscriptionId", subscriptionId);
    alert.put("subscriptionName", subscriptionName);
    alert.put("storyId", a.getId());
    alert.put("version", a.getVersion());
    alert.put("headline", a.getHeadline());
    alert.put("language", story.getLanguage());
    alert.put("source", a.getSource());
    if (a.getUrgency() == null) {
      alert.putNull("urgency");
    } else {
      alert.put("urgency", a.getUrgency());
    }
    alert.put("pubStatus", a.getPubStatus().name());
    ObjectNode times = alert.putObject("storyTimes");
    times.put("published", instant(a.getPublished()));
    times.put("firstCreated", instant(a.getFirstCreated()));
    times.put("received", instant(a.getReceived()));
    times.put("enrichedAt", instant(story.getEnrichedAt()));
    alert.put("createdAt", createdAt.toString());
    alert.put("traceId", a.getTraceId());
    return alert;
  }

  private static void ref(ObjectNode parent, String field, EntityRef ref) {
    if (ref == null) {
      parent.putNull(field);
    } else {
      parent.putObject(field).put("id", ref.getId()).put("name", ref.getName());
    }
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

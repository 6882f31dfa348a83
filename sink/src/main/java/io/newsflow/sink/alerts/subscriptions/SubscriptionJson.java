package io.newsflow.sink.alerts.subscriptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Polarity;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Candidate;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.Subscription.StanceCriterion;
import io.newsflow.sink.alerts.subscriptions.Subscription.Webhook;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Subscriptions as JSON: {@link #parseRequest} validates what a client sends (every error names its field),
 * {@link #toStored}/{@link #fromStored} is the record value on {@code news.subscriptions}, and {@link #toView}
 * is what the API shows (the webhook secret never leaves the service).
 */
public final class SubscriptionJson {

  static final int MAX_VALUES = 100;
  static final int MAX_LENGTH = 200;
  private static final Set<String> FIELDS = Set.of("name", "entities", "entityTypes", "stance", "keywords",
      "language", "source", "minUrgency", "webhook");
  private static final Set<String> STANCE_FIELDS = Set.of("holder", "polarities", "target");
  private static final Set<String> WEBHOOK_FIELDS = Set.of("url", "secret");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private SubscriptionJson() {}

  /** A field of the request that is wrong, and why. */
  public static final class InvalidSubscriptionException extends RuntimeException {
    private final String field;

    public InvalidSubscriptionException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * Reads a request body into a subscription with the given id, owner and creation time. A webhook without a
   * secret gets {@code generatedSecret}, shown once in the creation answer.
   */
  public static Subscription parseRequest(byte[] body, String id, String owner, Instant createdAt, String generatedSecret) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidSubscriptionException("", "The body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new InvalidSubscriptionException("", "The body could not be read");
    }
    if (root == null || !root.isObject()) {
      throw new InvalidSubscriptionException("", "The body must be a JSON object");
    }
    onlyKnown(root, FIELDS, "");
    String name = optionalText(root, "name", "name");
    List<String> entities = texts(root.get("entities"), "entities");
    Set<EntityType> types = EnumSet.noneOf(EntityType.class);
    for (String t : texts(root.get("entityTypes"), "entityTypes")) {
      types.add(enumValue(EntityType.class, t, "entityTypes"));
    }
    StanceCriterion stance = stance(root.get("stance"));
    List<String> keywords = new ArrayList<>();
    for (String k : texts(root.get("keywords"), "keywords")) {
      if (Keywords.tokens(k).isEmpty()) {
        throw new InvalidSubscriptionException("keywords", "Keyword '" + k + "' has no letters or digits");
      }
      keywords.add(k);
    }
    String language = optionalText(root, "language", "language");
    if (language != null) {
      language = language.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(language).matches()) {
        throw new InvalidSubscriptionException("language", "language must be an ISO 639-1 code such as en");
      }
    }
    String source = optionalText(root, "source", "source");
    Integer minUrgency = null;
    JsonNode urgency = root.get("minUrgency");
    if (urgency != null && !urgency.isNull()) {
      if (!urgency.canConvertToInt() || !urgency.isIntegralNumber() || urgency.intValue() < 1 || urgency.intValue() > 9) {
        throw new InvalidSubscriptionException("minUrgency", "minUrgency must be a whole number from 1 (most urgent) to 9");
      }
      minUrgency = urgency.intValue();
    }
    Webhook webhook = webhook(root.get("webhook"), generatedSecret);
    if (entities.isEmpty() && types.isEmpty() && stance == null && keywords.isEmpty() && language == null
        && source == null && minUrgency == null) {
      throw new InvalidSubscriptionException("", "A subscription needs at least one criterion: entities, entityTypes, "
          + "stance, keywords, language, source or minUrgency");
    }
    return new Subscription(id, owner, name, entities.stream().map(EntityCriterion::given).toList(), types, stance,
        keywords, language, source, minUrgency, webhook, createdAt);
  }

  private static StanceCriterion stance(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidSubscriptionException("stance", "stance must be an object with holder, polarities and/or target");
    }
    onlyKnown(node, STANCE_FIELDS, "stance.");
    String holder = optionalText(node, "holder", "stance.holder");
    Set<Polarity> polarities = EnumSet.noneOf(Polarity.class);
    for (String p : texts(node.get("polarities"), "stance.polarities")) {
      polarities.add(enumValue(Polarity.class, p, "stance.polarities"));
    }
    String target = optionalText(node, "target", "stance.target");
    if (target != null && Keywords.tokens(target).isEmpty()) {
      throw new InvalidSubscriptionException("stance.target", "stance.target has no letters or digits");
    }
    return new StanceCriterion(holder == null ? null : EntityCriterion.given(holder), polarities, target);
  }

  private static Webhook webhook(JsonNode node, String generatedSecret) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw new InvalidSubscriptionException("webhook", "webhook must be an object with url and optional secret");
    }
    onlyKnown(node, WEBHOOK_FIELDS, "webhook.");
    String url = optionalText(node, "url", "webhook.url");
    if (url == null) {
      throw new InvalidSubscriptionException("webhook.url", "webhook.url is required");
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidSubscriptionException("webhook.url", "webhook.url must be an absolute http or https URL");
    }
    String secret = optionalText(node, "secret", "webhook.secret");
    if (secret != null && secret.length() < 16) {
      throw new InvalidSubscriptionException("webhook.secret", "webhook.secret must have at least 16 characters");
    }
    return new Webhook(url, secret == null ? generatedSecret : secret);
  }

  private static void onlyKnown(JsonNode node, Set<String> known, String prefix) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!known.contains(field)) {
        throw new InvalidSubscriptionException(prefix + field, "Unknown field " + prefix + field
            + "; known fields are " + known.stream().sorted().toList());
      }
    }
  }

  private static String optionalText(JsonNode parent, String member, String field) {
    JsonNode node = parent.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw new InvalidSubscriptionException(field, field + " must be a non-empty string");
    }
    return checkedLength(node.textValue().trim(), field);
  }

  private static List<String> texts(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new InvalidSubscriptionException(field, field + " must be an array of strings");
    }
    if (node.size() > MAX_VALUES) {
      throw new InvalidSubscriptionException(field, field + " may hold at most " + MAX_VALUES + " values");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.isTextual() || value.textValue().isBlank()) {
        throw new InvalidSubscriptionException(field, field + " must be an array of non-empty strings");
      }
      String v = checkedLength(value.textValue().trim(), field);
      if (!values.contains(v)) {
        values.add(v);
      }
    }
    return values;
  }

  private static String checkedLength(String value, String field) {
    if (value.length() > MAX_LENGTH) {
      throw new InvalidSubscriptionException(field, field + " values are limited to " + MAX_LENGTH + " characters");
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSubscriptionException(field, "'" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** The record value on {@code news.subscriptions}, secret included: the topic is the service's own state. */
  public static String toStored(Subscription s) {
    ObjectNode node = toView(s);
    if (s.webhook() != null) {
      ((ObjectNode) node.get("webhook")).put("secret", s.webhook().secret());
    }
    return Json.write(node);
  }

  public static Subscription fromStored(String json) {
    try {
      JsonNode n = Json.mapper().readTree(json);
      JsonNode stance = n.path("stance");
      JsonNode webhook = n.path("webhook");
      Set<EntityType> types = EnumSet.noneOf(EntityType.class);
      strings(n.path("entityTypes")).forEach(t -> types.add(EntityType.valueOf(t)));
      Set<Polarity> polarities = EnumSet.noneOf(Polarity.class);
      strings(stance.path("polarities")).forEach(p -> polarities.add(Polarity.valueOf(p)));
      List<String> given = strings(n.path("entities"));
      JsonNode resolutions = n.path("entityResolution");
      List<EntityCriterion> entities = new ArrayList<>();
      for (int i = 0; i < given.size(); i++) {
        entities.add(criterion(given.get(i), resolutions.path(i)));
      }
      String holder = text(stance, "holder");
      return new Subscription(n.path("id").asText(), text(n, "owner"), text(n, "name"), entities, types,
          stance.isObject() ? new StanceCriterion(holder == null ? null : criterion(holder, stance.path("holderResolution")),
              polarities, text(stance, "target")) : null,
          strings(n.path("keywords")), text(n, "language"), text(n, "source"),
          n.path("minUrgency").isInt() ? n.path("minUrgency").intValue() : null,
          webhook.isObject() ? new Webhook(text(webhook, "url"), text(webhook, "secret")) : null,
          Instant.parse(n.path("createdAt").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("Unreadable stored subscription: " + e.getMessage(), e);
    }
  }

  /** A stored criterion; one stored before names were resolved has no resolution and stays as given. */
  private static EntityCriterion criterion(String given, JsonNode resolution) {
    if (!resolution.isObject() || !given.equals(text(resolution, "given"))) {
      return EntityCriterion.given(given);
    }
    List<Candidate> candidates = new ArrayList<>();
    resolution.path("candidates").forEach(c -> candidates.add(new Candidate(text(c, "id"), text(c, "name"),
        entityType(text(c, "type")), text(c, "kind"))));
    return new EntityCriterion(given, Resolution.valueOf(text(resolution, "resolution")), text(resolution, "id"),
        text(resolution, "name"), entityType(text(resolution, "type")), candidates);
  }

  private static EntityType entityType(String name) {
    return name == null ? null : EntityType.valueOf(name);
  }

  /** What a criterion was resolved to, shown so that the client sees what a name means. */
  public static ObjectNode resolution(EntityCriterion c) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("given", c.given());
    node.put("resolution", c.resolution().name());
    node.put("matchedBy", c.matchesById() ? "id" : "name");
    node.put("id", c.id());
    node.put("name", c.name());
    node.put("type", c.type() == null ? null : c.type().name());
    ArrayNode candidates = node.putArray("candidates");
    for (Candidate candidate : c.candidates()) {
      candidates.addObject().put("id", candidate.id()).put("name", candidate.name())
          .put("type", candidate.type() == null ? null : candidate.type().name()).put("kind", candidate.kind());
    }
    node.put("note", c.note());
    return node;
  }

  /** What the API shows: everything but the webhook secret. */
  public static ObjectNode toView(Subscription s) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", s.id());
    node.put("owner", s.owner());
    node.put("name", s.name());
    addAll(node.putArray("entities"), s.entities().stream().map(EntityCriterion::given).toList());
    ArrayNode resolutions = node.putArray("entityResolution");
    s.entities().forEach(e -> resolutions.add(resolution(e)));
    addAll(node.putArray("entityTypes"), s.entityTypes().stream().map(Enum::name).sorted().toList());
    if (s.stance() == null) {
      node.putNull("stance");
    } else {
      ObjectNode stance = node.putObject("stance");
      EntityCriterion holder = s.stance().holder();
      stance.put("holder", holder == null ? null : holder.given());
      if (holder == null) {
        stance.putNull("holderResolution");
      } else {
        stance.set("holderResolution", resolution(holder));
      }
      addAll(stance.putArray("polarities"), s.stance().polarities().stream().map(Enum::name).sorted().toList());
      stance.put("target", s.stance().target());
    }
    addAll(node.putArray("keywords"), s.keywords());
    node.put("language", s.language());
    node.put("source", s.source());
    if (s.minUrgency() == null) {
      node.putNull("minUrgency");
    } else {
      node.put("minUrgency", s.minUrgency());
    }
    if (s.webhook() == null) {
      node.putNull("webhook");
    } else {
      node.putObject("webhook").put("url", s.webhook().url());
    }
    node.put("createdAt", s.createdAt().toString());
    return node;
  }

  private static void addAll(ArrayNode array, java.util.Collection<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String text(JsonNode node, String member) {
    JsonNode v = node.get(member);
    return v == null || v.isNull() ? null : v.asText();
  }
}

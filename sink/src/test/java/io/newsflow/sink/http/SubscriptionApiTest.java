package io.newsflow.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.alerts.delivery.DeliveryLog;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion;
import io.newsflow.sink.alerts.subscriptions.EntityCriterion.Resolution;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.alerts.subscriptions.SubscriptionJson;
import io.newsflow.schemas.avro.EntityType;
import java.util.List;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionApiTest {

  static final String TEAM_TOKEN = "team-token-123";
  static final String OTHER_TOKEN = "other-token-456";

  /** Knows one name; is still loading for another. */
  static final EntityResolver DICTIONARY = (c, types) -> switch (c.given()) {
    case "Polska" -> new EntityCriterion(c.given(), Resolution.RESOLVED, "Q36", "Poland", EntityType.LOCATION, List.of());
    case "Still Loading" -> throw new EntityResolver.Unavailable("The entity dictionary is still loading");
    default -> c;
  };

  SubscriptionIndex index = new SubscriptionIndex();
  LoopbackProducer producer = new LoopbackProducer(index);
  HttpService http;
  HttpClient client = HttpClient.newHttpClient();

  /** Writes like Kafka, and applies each write to the index as the global store would. */
  static final class LoopbackProducer extends MockProducer<String, String> {
    private final SubscriptionIndex index;

    LoopbackProducer(SubscriptionIndex index) {
      super(true, null, new StringSerializer(), new StringSerializer());
      this.index = index;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
      Future<RecordMetadata> sent = super.send(record);
      if (record.value() == null) {
        index.remove(record.key());
      } else {
        index.put(SubscriptionJson.fromStored(record.value()));
      }
      return sent;
    }
  }

  @BeforeEach
  void start() throws Exception {
    HttpService.Builder routes = HttpService.builder("sink", new InetSocketAddress("127.0.0.1", 0))
        .authenticator(TokenAuthenticator.parse("team:" + TEAM_TOKEN + ",other:" + OTHER_TOKEN));
    new SubscriptionApi(producer, index, new DeliveryLog(10),
        Clock.fixed(Instant.parse("2026-03-27T10:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(2), DICTIONARY)
        .routes(routes);
    http = routes.build().start();
  }

  @AfterEach
  void stop() {
    http.stop(Duration.ZERO);
  }

  @Test
  void refusesARequestWithoutCredentialsWith401AndAWrongTokenWith403() throws Exception {
    // when
    HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/v1/subscriptions")).GET());
    HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/v1/subscriptions")).GET()
        .header("Authorization", "Bearer nope"));

    // then
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void rejectsAnInvalidSubscriptionWithProblemDetailsNamingTheField() throws Exception {
    // when
    HttpResponse<String> badPolarity = post(TEAM_TOKEN, """
        {"stance": {"holder": "Poland", "polarities": ["ANGRY"]}}""");
    HttpResponse<String> badUrgency = post(TEAM_TOKEN, """
        {"keywords": ["troops"], "minUrgency": 12}""");
    HttpResponse<String> unknown = post(TEAM_TOKEN, """
        {"keyword": ["troops"]}""");
    HttpResponse<String> empty = post(TEAM_TOKEN, "{}");
    HttpResponse<String> badUrl = post(TEAM_TOKEN, """
        {"keywords": ["troops"], "webhook": {"url": "ftp://example.org/x"}}""");

    // then
    assertThat(badPolarity.statusCode()).isEqualTo(400);
    assertThat(json(badPolarity).path("field").asText()).isEqualTo("stance.polarities");
    assertThat(json(badPolarity).path("type").asText()).isEqualTo("/problems/invalid-field");
    assertThat(json(badUrgency).path("field").asText()).isEqualTo("minUrgency");
    assertThat(json(unknown).path("field").asText()).isEqualTo("keyword");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).path("detail").asText()).contains("at least one criterion");
    assertThat(json(badUrl).path("field").asText()).isEqualTo("webhook.url");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void createsReadsListsAndDeletesASubscription() throws Exception {
    // given
    HttpResponse<String> created = post(TEAM_TOKEN, """
        {"name": "Poland wavers", "entities": ["Poland"], "stance": {"polarities": ["oppose", "HESITANT"]},
         "webhook": {"url": "http://127.0.0.1:9/hook"}}""");
    String id = json(created).path("id").asText();

    // when
    HttpResponse<String> read = send(get("/v1/subscriptions/" + id, TEAM_TOKEN));
    HttpResponse<String> list = send(get("/v1/subscriptions", TEAM_TOKEN));
    HttpResponse<String> otherTeam = send(get("/v1/subscriptions/" + id, OTHER_TOKEN));
    HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/v1/subscriptions/" + id)).DELETE()
        .header("Authorization", "Bearer " + TEAM_TOKEN));
    HttpResponse<String> afterDelete = send(get("/v1/subscriptions/" + id, TEAM_TOKEN));

    // then
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/subscriptions/" + id);
    assertThat(json(created).path("active").asBoolean()).isTrue();
    assertThat(json(created).path("owner").asText()).isEqualTo("team");
    assertThat(json(created).path("webhook").path("secret").asText()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(json(read).path("stance").path("polarities").toString()).isEqualTo("[\"HESITANT\",\"OPPOSE\"]");
    assertThat(json(read).path("webhook").has("secret")).isFalse();
    assertThat(json(list).path("subscriptions")).hasSize(1);
    assertThat(otherTeam.statusCode()).isEqualTo(404);
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(afterDelete.statusCode()).isEqualTo(404);
    assertThat(producer.history()).hasSize(2);
    assertThat(producer.history().get(0).topic()).isEqualTo(Topics.SUBSCRIPTIONS.name());
    assertThat(producer.history().get(1).value()).isNull();
  }

  @Test
  void showsWhatEachEntityNameWasResolvedToAndStoresIt() throws Exception {
    // when
    HttpResponse<String> created = post(TEAM_TOKEN, """
        {"entities": ["Polska", "Atlantis"], "stance": {"holder": "Polska"}}""");

    // then
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode view = json(created);
    assertThat(view.path("entities").toString()).isEqualTo("[\"Polska\",\"Atlantis\"]");
    JsonNode polska = view.path("entityResolution").get(0);
    assertThat(polska.path("given").asText()).isEqualTo("Polska");
    assertThat(polska.path("resolution").asText()).isEqualTo("RESOLVED");
    assertThat(polska.path("matchedBy").asText()).isEqualTo("id");
    assertThat(polska.path("id").asText()).isEqualTo("Q36");
    assertThat(polska.path("name").asText()).isEqualTo("Poland");
    JsonNode atlantis = view.path("entityResolution").get(1);
    assertThat(atlantis.path("matchedBy").asText()).isEqualTo("name");
    assertThat(atlantis.path("note").asText()).contains("matched by name");
    assertThat(view.path("stance").path("holderResolution").path("id").asText()).isEqualTo("Q36");
    String id = view.path("id").asText();
    assertThat(index.get(id).orElseThrow().entities().get(0).id()).isEqualTo("Q36");
  }

  @Test
  void answers503WhileTheEntityDictionaryIsLoadingAndStoresNothing() throws Exception {
    // when
    HttpResponse<String> refused = post(TEAM_TOKEN, """
        {"entities": ["Still Loading"]}""");

    // then
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(json(refused).path("detail").asText()).contains("still loading");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void showsAnEmptyDeliveryLogForANewSubscription() throws Exception {
    // given
    String id = json(post(TEAM_TOKEN, """
        {"keywords": ["troops"]}""")).path("id").asText();

    // when
    HttpResponse<String> deliveries = send(get("/v1/subscriptions/" + id + "/deliveries", TEAM_TOKEN));

    // then
    assertThat(deliveries.statusCode()).isEqualTo(200);
    assertThat(json(deliveries).path("subscriptionId").asText()).isEqualTo(id);
    assertThat(json(deliveries).path("deliveries")).isEmpty();
  }

  @Test
  void replacesASubscriptionKeepingItsIdCreationTimeAndWebhookSecret() throws Exception {
    // given
    HttpResponse<String> created = post(TEAM_TOKEN, """
        {"name": "Poland", "keywords": ["troops"], "webhook": {"url": "http://127.0.0.1:9/hook"}}""");
    String id = json(created).path("id").asText();

    // when
    HttpResponse<String> replaced = send(HttpRequest.newBuilder(uri("/v1/subscriptions/" + id))
        .PUT(HttpRequest.BodyPublishers.ofString("""
            {"name": "Poland hesitant", "stance": {"holder": "Q36", "polarities": ["HESITANT"]},
             "webhook": {"url": "http://127.0.0.1:9/hook"}}"""))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TEAM_TOKEN));
    HttpResponse<String> otherTeam = send(HttpRequest.newBuilder(uri("/v1/subscriptions/" + id))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"keywords\": [\"x\"]}"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + OTHER_TOKEN));
    HttpResponse<String> read = send(get("/v1/subscriptions/" + id, TEAM_TOKEN));

    // then
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(json(replaced).path("active").asBoolean()).isTrue();
    assertThat(json(replaced).path("webhook").has("secret")).as("the old secret is kept, not shown").isFalse();
    assertThat(json(read).path("name").asText()).isEqualTo("Poland hesitant");
    assertThat(json(read).path("keywords")).isEmpty();
    assertThat(json(read).path("createdAt").asText()).isEqualTo(json(created).path("createdAt").asText());
    assertThat(otherTeam.statusCode()).isEqualTo(404);
    assertThat(index.get(id).orElseThrow().webhook().secret())
        .isEqualTo(json(created).path("webhook").path("secret").asText());
  }

  private HttpResponse<String> post(String token, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri("/v1/subscriptions")).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token));
  }

  private HttpRequest.Builder get(String path, String token) {
    return HttpRequest.newBuilder(uri(path)).GET().header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}

package io.newsflow.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.http.FakeResponse;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.OpenApiContract;
import io.newsflow.platform.http.OpenApiContractSuite;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.json.Json;
import io.newsflow.sink.SinkService;
import io.newsflow.sink.alerts.delivery.AlertBroadcaster;
import io.newsflow.sink.alerts.delivery.DeliveryLog;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.kb.KnowledgeBase;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.sink.SinkTopology;
import io.newsflow.sink.alerts.Stories;
import io.newsflow.sink.alerts.entities.KnowledgeBaseResolver;
import io.newsflow.sink.stories.RecentStories;
import io.newsflow.sink.stories.RecentStoriesTopology;
import io.newsflow.sink.web.DeskRoutes;
import io.newsflow.sink.web.DeskSessions;
import io.newsflow.sink.web.EntitySuggestions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.io.TempDir;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI description of the sink is what the real server registers and answers. */
class OpenApiContractTest extends OpenApiContractSuite {

  private final OpenApiContract contract = new OpenApiContract(SinkService.OPENAPI);
  private final HttpClient client = HttpClient.newHttpClient();
  private final SubscriptionIndex index = new SubscriptionIndex();
  private final AlertBroadcaster broadcaster = new AlertBroadcaster(1, 10, new SimpleMeterRegistry());
  private AlertStreamApi alertStream;
  private HttpService http;
  private TopologyTestDriver driver;

  @TempDir
  Path stateDir;

  @BeforeEach
  void start() {
    // the routes and options SinkService registers, over a producer that applies writes to the index
    HttpService.Builder routes = HttpService.builder("sink", new InetSocketAddress("127.0.0.1", 0))
        .authenticator(TokenAuthenticator.parse("team:team-token"))
        .metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .maxBodyBytes(64 * 1024)
        .openApi(SinkService.OPENAPI);
    SubscriptionApi subscriptions = new SubscriptionApi(new SubscriptionApiTest.LoopbackProducer(index), index,
        new DeliveryLog(10), Clock.systemUTC(), Duration.ofSeconds(2), SubscriptionApiTest.DICTIONARY);
    subscriptions.routes(routes);
    alertStream = new AlertStreamApi(broadcaster, index);
    alertStream.routes(routes);
    // the desk's token-API routes (suggestions, recent stories) over a real sink topology's story store
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-openapi-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(new SinkTopology(new SubscriptionIndex(), Clock.systemUTC(),
        new SimpleMeterRegistry(), 10).build(), props);
    KeyValueStore<String, String> store = driver.getKeyValueStore(RecentStoriesTopology.STORE);
    KnowledgeBase kb = knowledgeBase();
    new DeskRoutes(TokenAuthenticator.parse("team:team-token"), new DeskSessions(Duration.ofHours(1), Clock.systemUTC()),
        subscriptions, alertStream, new EntitySuggestions(() -> kb, new KnowledgeBaseResolver(kb)),
        new RecentStories(() -> store)).routes(routes);
    http = routes.build().start();
  }

  @Override
  protected OpenApiContract contract() {
    return contract;
  }

  @Override
  protected HttpService http() {
    return http;
  }

  /** The desk page's own session routes ({@code /desk/...}) call the documented handlers; they are not the API. */
  @Override
  protected boolean documented(String route) {
    return !route.split(" ", 2)[1].startsWith("/desk/");
  }

  @AfterEach
  void stop() {
    broadcaster.close();
    alertStream.close();
    http.stop(Duration.ZERO);
    driver.close();
  }

  @Test
  void realAnswersConformToTheDocumentedSchemas() throws Exception {
    HttpResponse<String> created = send(authorized("/v1/subscriptions").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""
            {"name": "Poland", "entities": ["Polska"], "stance": {"holder": "Polska", "polarities": ["OPPOSE"]},
             "webhook": {"url": "https://example.org/hook"}}""")));
    String id = Json.mapper().readTree(created.body()).path("id").asText();
    HttpResponse<String> invalid = send(authorized("/v1/subscriptions").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"minUrgency\": 12}")));
    HttpResponse<String> notJson = send(authorized("/v1/subscriptions").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("x")));
    HttpResponse<String> list = send(authorized("/v1/subscriptions").GET());
    HttpResponse<String> one = send(authorized("/v1/subscriptions/" + id).GET());
    HttpResponse<String> deliveries = send(authorized("/v1/subscriptions/" + id + "/deliveries").GET());
    HttpResponse<String> unknown = send(authorized("/v1/subscriptions/nope").GET());
    HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/v1/subscriptions")).GET());
    HttpResponse<String> deleted = send(authorized("/v1/subscriptions/" + id).DELETE());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(contract.violations("POST", "/v1/subscriptions", created)).isEmpty();
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(contract.violations("POST", "/v1/subscriptions", invalid)).isEmpty();
    assertThat(notJson.statusCode()).isEqualTo(415);
    assertThat(contract.violations("POST", "/v1/subscriptions", notJson)).isEmpty();
    assertThat(contract.violations("GET", "/v1/subscriptions", list)).isEmpty();
    assertThat(contract.violations("GET", "/v1/subscriptions/{id}", one)).isEmpty();
    assertThat(contract.violations("GET", "/v1/subscriptions/{id}/deliveries", deliveries)).isEmpty();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(contract.violations("GET", "/v1/subscriptions/{id}", unknown)).isEmpty();
    assertThat(contract.violations("GET", "/v1/subscriptions", noToken)).isEmpty();
    assertThat(deleted.statusCode()).isEqualTo(204);
  }

  @Test
  void theAlertStreamAnswersAsDocumentedOpenAndOverItsLimit() throws Exception {
    HttpResponse<InputStream> open = client.send(authorized("/v1/alerts/stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    await().atMost(Duration.ofSeconds(5)).until(() -> broadcaster.clients() == 1);
    HttpResponse<String> full = send(authorized("/v1/alerts/stream").GET());

    assertThat(open.statusCode()).isEqualTo(200);
    JsonNode documented = contract.document().path("paths").path("/v1/alerts/stream").path("get").path("responses");
    assertThat(documented.path("200").path("content").has(open.headers().firstValue("Content-Type").orElseThrow()
        .split(";")[0])).isTrue();
    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(contract.violations("GET", "/v1/alerts/stream", full)).isEmpty();
    open.body().close();
  }

  @Test
  void suggestionsAndRecentStoriesAnswerAsDocumented() throws Exception {
    TestInputTopic<String, EnrichedArticle> enriched = driver.createInputTopic(Topics.ENRICHED.name(),
        Serdes.String().serializer(), Topics.ENRICHED.valueSerde().serializer());
    enriched.pipeInput("urn:story/1", Stories.story("urn:story/1").text("Poland hesitant", "Poland is hesitant.").language("en")
        .build());

    HttpResponse<String> suggested = send(authorized("/v1/entities/suggest?q=Pol").GET());
    HttpResponse<String> empty = send(authorized("/v1/entities/suggest?q=").GET());
    HttpResponse<String> listed = send(authorized("/v1/stories?language=en&limit=5").GET());
    HttpResponse<String> byQuery = send(authorized("/v1/stories?id=urn:story/1").GET());
    HttpResponse<String> byPath = send(authorized("/v1/stories/missing").GET());
    HttpResponse<String> badLimit = send(authorized("/v1/stories?limit=0").GET());
    HttpResponse<String> badPolarity = send(authorized("/v1/stories?polarity=angry").GET());

    assertThat(suggested.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(suggested.body()).path("suggestions").get(0).path("id").asText()).isEqualTo("Q36");
    assertThat(contract.violations("GET", "/v1/entities/suggest", suggested)).isEmpty();
    assertThat(contract.violations("GET", "/v1/entities/suggest", empty)).isEmpty();
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(listed.body()).path("stories").size()).isEqualTo(1);
    assertThat(contract.violations("GET", "/v1/stories", listed)).isEmpty();
    assertThat(byQuery.statusCode()).isEqualTo(200);
    assertThat(contract.violations("GET", "/v1/stories", byQuery)).isEmpty();
    assertThat(byPath.statusCode()).isEqualTo(404);
    assertThat(contract.violations("GET", "/v1/stories/{id}", byPath)).isEmpty();
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(contract.violations("GET", "/v1/stories", badLimit)).isEmpty();
    assertThat(badPolarity.statusCode()).isEqualTo(400);
    assertThat(contract.violations("GET", "/v1/stories", badPolarity)).isEmpty();
  }

  private static KnowledgeBase knowledgeBase() {
    String rows = String.join("\n",
        "E\tQ36\tLOCATION\tcountry\tPoland\tQ36\t1.0\tPolska|Republic of Poland",
        "E\tQ1781\tLOCATION\tcity\tPolokwane\tQ258\t0.4\t",
        "");
    try {
      return KnowledgeBase.load(new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer team-token");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

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
import java.io.InputStream;
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

  @BeforeEach
  void start() {
    // the routes and options SinkService registers, over a producer that applies writes to the index
    HttpService.Builder routes = HttpService.builder("sink", new InetSocketAddress("127.0.0.1", 0))
        .authenticator(TokenAuthenticator.parse("team:team-token"))
        .metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .maxBodyBytes(64 * 1024)
        .openApi(SinkService.OPENAPI);
    new SubscriptionApi(new SubscriptionApiTest.LoopbackProducer(index), index, new DeliveryLog(10), Clock.systemUTC(),
        Duration.ofSeconds(2), SubscriptionApiTest.DICTIONARY).routes(routes);
    alertStream = new AlertStreamApi(broadcaster, index);
    alertStream.routes(routes);
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

  @AfterEach
  void stop() {
    broadcaster.close();
    alertStream.close();
    http.stop(Duration.ZERO);
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

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer team-token");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

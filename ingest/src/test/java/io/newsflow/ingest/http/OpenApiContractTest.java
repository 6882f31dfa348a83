package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.ingest.intake.TestIntake;
import io.newsflow.platform.http.FakeResponse;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.OpenApiContract;
import io.newsflow.platform.http.OpenApiContractSuite;
import io.newsflow.platform.http.TokenAuthenticator;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI description of ingest is what the real server registers and answers. */
class OpenApiContractTest extends OpenApiContractSuite {

  private final OpenApiContract contract = new OpenApiContract(ArticleApi.OPENAPI);
  private final HttpClient client = HttpClient.newHttpClient();
  private final TestIntake test = new TestIntake();
  private HttpService http;

  @BeforeEach
  void start() {
    // the routes and options IngestService registers, over an intake without a broker
    http = new ArticleApi(test.intake, 10)
        .routes(HttpService.builder("ingest", new InetSocketAddress("127.0.0.1", 0)))
        .authenticator(TokenAuthenticator.parse("desk:desk-token,other:other-token"))
        .metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
        .openApi(ArticleApi.OPENAPI)
        .maxBodyBytes(64 * 1024)
        .build()
        .start();
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
    http.stop(Duration.ZERO);
  }

  @Test
  void realAnswersConformToTheDocumentedSchemas() throws Exception {
    HttpResponse<String> accepted = post("/v1/articles", "application/json",
        "{\"id\":\"story-1\",\"version\":1,\"headline\":\"Rates held\",\"body\":\"The bank held rates.\"}");
    test.storiesCaughtUp();  // as enrich would, on news.stories
    HttpResponse<String> notOwner = send(HttpRequest.newBuilder(uri("/v1/articles"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer other-token")
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"story-1\",\"version\":2,\"headline\":\"X\",\"body\":\"Y\"}")));
    HttpResponse<String> duplicate = post("/v1/articles", "application/json",
        "{\"id\":\"story-1\",\"version\":1,\"headline\":\"Rates held\",\"body\":\"The bank held rates.\"}");
    HttpResponse<String> batch = post("/v1/articles:batch", "application/x-ndjson",
        "{\"id\":\"story-2\",\"headline\":\"A\",\"body\":\"B\"}\n{\"id\":\"story-3\"}\n");
    HttpResponse<String> unsupported = post("/v1/articles", "application/pdf", "%PDF");
    HttpResponse<String> unauthenticated = send(HttpRequest.newBuilder(uri("/v1/articles"))
        .POST(HttpRequest.BodyPublishers.ofString("x")));
    HttpResponse<String> found = send(HttpRequest.newBuilder(uri("/v1/articles/story-1")).GET());
    HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/v1/articles?id=nope")).GET());
    HttpResponse<String> ready = send(HttpRequest.newBuilder(uri("/health/ready")).GET());

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(contract.violations("POST", "/v1/articles", accepted)).isEmpty();
    assertThat(notOwner.statusCode()).isEqualTo(403);
    assertThat(contract.violations("POST", "/v1/articles", notOwner)).isEmpty();
    assertThat(duplicate.statusCode()).isEqualTo(200);
    assertThat(contract.violations("POST", "/v1/articles", duplicate)).isEmpty();
    assertThat(batch.statusCode()).isEqualTo(200);
    assertThat(contract.violations("POST", "/v1/articles:batch", batch)).isEmpty();
    assertThat(unsupported.statusCode()).isEqualTo(415);
    assertThat(contract.violations("POST", "/v1/articles", unsupported)).isEmpty();
    assertThat(unauthenticated.statusCode()).isEqualTo(401);
    assertThat(contract.violations("POST", "/v1/articles", unauthenticated)).isEmpty();
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(contract.violations("GET", "/v1/articles/{id}", found)).isEmpty();
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(contract.violations("GET", "/v1/articles", missing)).isEmpty();
    assertThat(contract.violations("GET", "/health/ready", ready)).isEmpty();
  }

  @Test
  void findsAResponseThatBreaksItsSchema() {
    HttpResponse<String> wrong = new FakeResponse(202, "application/json", "{\"status\":\"maybe\"}");

    assertThat(contract.violations("POST", "/v1/articles", wrong)).isNotEmpty();
    assertThat(contract.violations("POST", "/v1/articles", new FakeResponse(418, "application/json", "{}")))
        .singleElement().asString().contains("not documented");
  }

  private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer desk-token")
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

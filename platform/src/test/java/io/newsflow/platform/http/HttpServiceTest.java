package io.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.logging.LogContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HttpServiceTest {

  private HttpService service;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    service = HttpService.builder("test", new InetSocketAddress("127.0.0.1", 0))
        .maxBodyBytes(16)
        .authenticator(TokenAuthenticator.parse("desk:token-1,wire:token-2"))
        .health(() -> new Health(true, false, Map.of("streams", "REBALANCING")))
        .securedRoute("POST", "/v1/things", r -> Response.json(202, Map.of("by", r.principal(), "bytes", r.body().length)))
        .staticResources("/static", "/web-test")
        .openApi("test-openapi.json")
        .route("GET", "/v1/events", r -> {
          EventStream stream = r.openEventStream();
          stream.comment("connected");
          stream.send("tick", "t-1", "{\"n\":1}");
          stream.close();
          return Response.STREAMED;
        })
        .route("GET", "/v1/trace", r -> Response.json(200, Map.of("traceId", MDC.get(LogContext.TRACE_ID))))
        .route("GET", "/v1/things/{id}", r -> {
          if (r.pathParam("id").equals("missing")) {
            throw new ProblemException(Problem.of(404, "not-found", "Unknown", "No thing missing").with("field", "id"));
          }
          return Response.json(200, Map.of("id", r.pathParam("id")));
        })
        .build()
        .start();
  }

  @AfterEach
  void stop() {
    service.stop(java.time.Duration.ZERO);
  }

  @Test
  void continuesTheCallersTraceAndTellsItInTheResponse() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/trace"))
        .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(json(response).get("traceId").asText()).isEqualTo(trace);
    assertThat(response.headers().firstValue(HttpService.TRACE_ID_HEADER)).hasValue(trace);
  }

  @Test
  void startsANewTraceForEachRequestWithoutOne() throws Exception {
    HttpResponse<String> first = send("GET", "/v1/trace", null, null);
    HttpResponse<String> second = send("GET", "/v1/trace", null, null);

    String firstTrace = json(first).get("traceId").asText();
    assertThat(firstTrace).matches("[0-9a-f]{32}").isNotEqualTo(json(second).get("traceId").asText());
    assertThat(first.headers().firstValue(HttpService.TRACE_ID_HEADER)).hasValue(firstTrace);
  }

  @Test
  void givesTheHandlerThePrincipalOfTheToken() throws Exception {
    HttpResponse<String> response = send("POST", "/v1/things", "abc", "Bearer token-2");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("by").asText()).isEqualTo("wire");
  }

  @Test
  void answersProblemDetailsWithoutACredential() throws Exception {
    HttpResponse<String> response = send("POST", "/v1/things", "abc", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("type").asText()).isEqualTo("/problems/unauthenticated");
  }

  @Test
  void refusesAnUnknownToken() throws Exception {
    assertThat(send("POST", "/v1/things", "abc", "Bearer nope").statusCode()).isEqualTo(403);
  }

  @Test
  void refusesABodyOverTheLimitWith413() throws Exception {
    HttpResponse<String> response = send("POST", "/v1/things", "x".repeat(17), "Bearer token-1");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("limit").asLong()).isEqualTo(16);
  }

  @Test
  void resolvesPathParametersAndHandlerProblems() throws Exception {
    assertThat(json(send("GET", "/v1/things/a%20b", null, null)).get("id").asText()).isEqualTo("a b");
    HttpResponse<String> missing = send("GET", "/v1/things/missing", null, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("field").asText()).isEqualTo("id");
    assertThat(json(missing).get("instance").asText()).isEqualTo("/v1/things/missing");
  }

  @Test
  void separatesUnknownPathsFromUnsupportedMethods() throws Exception {
    assertThat(send("GET", "/v2/nothing", null, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/v1/things", null, "Bearer token-1").statusCode()).isEqualTo(405);
  }

  @Test
  void answersUnknownPathsAndMethodsWithProblemDetails() throws Exception {
    HttpResponse<String> unknown = send("GET", "/v2/nothing", null, null);
    HttpResponse<String> wrongMethod = send("PUT", "/v1/things/a", "x", null);

    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(unknown).get("type").asText()).isEqualTo("/problems/not-found");
    assertThat(json(unknown).get("instance").asText()).isEqualTo("/v2/nothing");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(json(wrongMethod).get("type").asText()).isEqualTo("/problems/method-not-allowed");
    assertThat(unknown.headers().firstValue(HttpService.TRACE_ID_HEADER)).isPresent();
  }

  @Test
  void answersRequestsTheServerRefusesBeforeRoutingWithProblemDetails() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
      socket.getOutputStream().write("GET /v1/things/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"status\":400");
    }
  }

  @Test
  void refusesAChunkedBodyOverTheLimitWith413() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/things"))
        .header("Authorization", "Bearer token-1")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[64])))
        .build();

    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("type").asText()).isEqualTo("/problems/payload-too-large");
  }

  @Test
  void servesStaticResourcesAndTheOpenApiDocumentFromTheClasspath() throws Exception {
    HttpResponse<String> file = send("GET", "/static/hello.txt", null, null);
    HttpResponse<String> openApi = send("GET", "/openapi.json", null, null);

    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("hello from the classpath\n");
    assertThat(openApi.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(json(openApi).get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void streamsServerSentEvents() throws Exception {
    HttpResponse<String> response = send("GET", "/v1/events", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    assertThat(response.body()).contains(": connected\n").contains("event: tick\n").contains("id: t-1\n")
        .contains("data: {\"n\":1}\n");
  }

  @Test
  void listsEveryRouteItAnswers() {
    assertThat(service.routes()).contains("GET /health/live", "GET /health/ready", "GET /openapi.json",
        "POST /v1/things", "GET /v1/things/{id}", "GET /v1/events");
  }

  @Test
  void reportsLiveButNotReadyWhileRebalancing() throws Exception {
    assertThat(send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = send("GET", "/health/ready", null, null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(json(ready).get("streams").asText()).isEqualTo("REBALANCING");
  }

  private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return Json.mapper().readTree(response.body());
  }
}

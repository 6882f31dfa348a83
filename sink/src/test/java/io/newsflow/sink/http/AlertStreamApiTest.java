package io.newsflow.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.sink.alerts.delivery.AlertBroadcaster;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertStreamApiTest {

  AlertBroadcaster broadcaster = new AlertBroadcaster(2, 10, new SimpleMeterRegistry());
  HttpService http;

  @BeforeEach
  void start() throws Exception {
    HttpService.Builder routes = HttpService.builder("sink", new InetSocketAddress("127.0.0.1", 0))
        .authenticator(TokenAuthenticator.parse("team:team-token-123"));
    new AlertStreamApi(broadcaster, new SubscriptionIndex()).routes(routes);
    http = routes.build().start();
  }

  @AfterEach
  void stop() {
    broadcaster.close();
    http.stop(Duration.ZERO);
  }

  @Test
  void streamsEachAlertAsAServerSentEventWithItsId() throws Exception {
    // given
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/v1/alerts/stream"))
            .header("Authorization", "Bearer team-token-123").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    await().atMost(Duration.ofSeconds(5)).until(() -> broadcaster.clients() == 1);

    // when
    broadcaster.publish("sub-1", "{\"alertId\":\"a-1\",\"type\":\"MATCH\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null && !line.startsWith("data:")) {
        lines.add(line);
      }
      lines.add(line);
    }
    assertThat(lines).containsSubsequence("event: alert", "id: a-1", "data: {\"alertId\":\"a-1\",\"type\":\"MATCH\"}");
  }

  @Test
  void refusesTheStreamWithoutCredentials() throws Exception {
    // when
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/v1/alerts/stream")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(broadcaster.clients()).isZero();
  }
}

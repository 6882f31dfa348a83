package io.newsflow.launcher.reliability;

import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client of the ingest API, as a newsroom system posting stories. */
final class Newsroom {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  Newsroom(int ingestPort, String token) {
    this.baseUrl = "http://localhost:" + ingestPort;
    this.token = token;
  }

  /** Posts one JSON article and returns the HTTP status. */
  int post(String id, long version, String headline) throws IOException, InterruptedException {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("id", id);
    article.put("version", version);
    article.put("headline", headline);
    article.put("body", "The council met on Tuesday to discuss " + headline.toLowerCase(java.util.Locale.ROOT)
        + ". Officials said a decision would follow next week.");
    article.put("language", "en");
    return post("application/json", Json.write(article), token);
  }

  int post(String contentType, String body, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/articles"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** True when {@code url} answers 200: a service's /health/ready. */
  boolean ready(String url) {
    try {
      return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

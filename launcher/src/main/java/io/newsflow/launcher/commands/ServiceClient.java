package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * How the command-line clients talk to a service: a refused connection is retried for a while (the service
 * may still be starting), then fails with one line naming the service and its URL; an error answer becomes one
 * line from its problem details.
 */
final class ServiceClient {

  private static final Duration RETRY_EVERY = Duration.ofMillis(500);

  private final String service;
  private final String baseUrl;
  private final Duration waitWhileStarting;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceClient(String service, String baseUrl, Duration waitWhileStarting) {
    this.service = service;
    this.baseUrl = baseUrl;
    this.waitWhileStarting = waitWhileStarting;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The answer, whatever its status; throws {@link CliFailure} (exit 3) when the service cannot be reached. */
  HttpResponse<String> send(HttpRequest request) throws InterruptedException {
    long deadline = System.nanoTime() + waitWhileStarting.toNanos();
    boolean told = false;
    while (true) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (ConnectException | HttpConnectTimeoutException e) {
        if (System.nanoTime() + RETRY_EVERY.toNanos() > deadline) {
          throw unreachable(e);
        }
        if (!told) {
          System.err.printf("newsflow: waiting for %s at %s to start...%n", service, baseUrl);
          told = true;
        }
        Thread.sleep(RETRY_EVERY.toMillis());
      } catch (IOException e) {
        throw unreachable(e);
      }
    }
  }

  private CliFailure unreachable(IOException e) {
    String why = e instanceof ConnectException ? "connection refused"
        : e instanceof HttpConnectTimeoutException ? "connection timed out"
        : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CliFailure(CliFailure.UNREACHABLE, "cannot reach " + service + " at " + baseUrl + " (" + why
        + "); is it running (bin/newsflow run)?", e);
  }

  /** One line for an error answer: status, and the problem's title, detail and field when it has them. */
  CliFailure answered(HttpResponse<String> response) {
    return new CliFailure(CliFailure.SERVICE_ERROR, service + " answered " + describe(response), null);
  }

  static String describe(HttpResponse<String> response) {
    StringBuilder line = new StringBuilder().append(response.statusCode());
    try {
      JsonNode problem = Json.mapper().readTree(response.body());
      if (problem != null && problem.isObject() && problem.has("title")) {
        line.append(' ').append(problem.path("title").asText());
        if (problem.hasNonNull("detail")) {
          line.append(": ").append(problem.path("detail").asText());
        }
        if (problem.hasNonNull("field")) {
          line.append(" (field ").append(problem.path("field").asText()).append(')');
        }
        return line.toString();
      }
    } catch (IOException | RuntimeException e) {
      // not problem details: the start of the body says what it is
    }
    String body = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
    if (!body.isEmpty()) {
      line.append(": ").append(body, 0, Math.min(body.length(), 200));
    }
    return line.toString();
  }
}

package io.newsflow.launcher.commands;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Durations;
import io.newsflow.platform.config.Settings;
import io.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/newsflow health [URL...]}: a container health check that needs no curl. Without URLs it asks
 * {@code /health/ready} of every service port configured on this host (ingest, enrich, sink) and is healthy
 * when at least one answers and every one that answers is ready: the same image runs one service or all.
 * Exit 0 when healthy, 1 when not.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Exit 0 when the services on this host (or the given URLs) answer ready, 1 otherwise.")
public final class HealthCommand implements Callable<Integer> {

  @Parameters(arity = "0..*", paramLabel = "URL", description = "Health URLs; default: /health/ready on the configured ports of localhost")
  List<URI> urls = new ArrayList<>();

  @Option(names = "--live", description = "Check /health/live instead of /health/ready when no URL is given")
  boolean live;

  @Option(names = "--timeout", defaultValue = "5s", description = "How long each check waits (default ${DEFAULT-VALUE})")
  String timeout;

  @Override
  public Integer call() throws InterruptedException {
    Duration wait = Durations.parse(timeout);
    List<URI> targets = urls.isEmpty() ? localTargets(LauncherSettings.fromEnvironment(), live) : urls;
    HttpClient client = HttpClient.newBuilder().connectTimeout(wait).build();
    int answered = 0;
    int healthy = 0;
    for (URI target : targets) {
      Check check = check(client, target, wait);
      System.out.println(target + " " + check.describe());
      // with explicit URLs a service that does not listen is unhealthy; by default it is not in this container
      if (check.status() != 0 || !urls.isEmpty()) {
        answered++;
      }
      if (check.status() == 200) {
        healthy++;
      }
    }
    return answered > 0 && healthy == answered ? 0 : 1;
  }

  /** {@code /health/ready} (or live) on each service port configured in the environment. */
  static List<URI> localTargets(Settings settings, boolean live) {
    String path = live ? "/health/live" : "/health/ready";
    return List.of(IngestConfig.PORT, EnrichConfig.HTTP_PORT, SinkConfig.HTTP_PORT).stream()
        .map(settings::getInt)
        .distinct()
        .map(port -> URI.create("http://localhost:" + port + path))
        .toList();
  }

  private static Check check(HttpClient client, URI target, Duration wait) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target).timeout(wait).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Check(response.statusCode(), response.body());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      return new Check(0, "not listening");
    } catch (HttpTimeoutException e) {
      return new Check(-1, "no answer within " + wait.toMillis() + " ms");
    } catch (IOException e) {
      return new Check(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Status 0: nothing listens; negative: something listens but did not answer (counts as unhealthy). */
  private record Check(int status, String body) {
    String describe() {
      return status > 0 ? status + " " + body.strip() : body;
    }
  }
}

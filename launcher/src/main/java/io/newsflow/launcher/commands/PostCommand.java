package io.newsflow.launcher.commands;

import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow post FILE...}: sends wire copy files to a running ingest. */
@Command(name = "post", mixinStandardHelpOptions = true,
    description = "Send wire copy files to a running ingest (NEWSFLOW_INGEST_URL); prints one JSON answer per file.")
public final class PostCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files: .txt, .json (article or ninjs), .xml, .rss, .atom, .html, .ndjson")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Settings settings = LauncherSettings.fromEnvironment();
    String base = settings.get(LauncherSettings.INGEST_URL);
    String token = ClientCredentials.token(settings).orElse("");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int failures = 0;
    for (Path file : files) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/articles"))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", mediaType(file))
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofFile(file))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(response.body());
      if (response.statusCode() >= 300) {
        System.err.printf("%s: HTTP %d%n", file, response.statusCode());
        failures++;
      }
    }
    return failures == 0 ? 0 : 1;
  }

  /** The media type a wire copy file is sent as, from its name. */
  static String mediaType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return "application/x-ndjson";
    } else if (name.endsWith(".xml")) {
      return "application/xml";
    } else if (name.endsWith(".rss")) {
      return "application/rss+xml";
    } else if (name.endsWith(".atom")) {
      return "application/atom+xml";
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html";
    }
    return "text/plain; charset=utf-8";
  }
}

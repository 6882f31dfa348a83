package io.newsflow.launcher.commands;

import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow post FILE...}: sends wire copy files to a running ingest. */
@Command(name = "post", mixinStandardHelpOptions = true,
    description = "Send wire copy files to a running ingest (NEWSFLOW_INGEST_URL); prints one JSON answer per file.")
public final class PostCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files: .txt, .json (article or ninjs), .xml, .rss, .atom, .html, .ndjson")
  List<Path> files;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for an ingest that is still "
      + "starting (connection refused) before giving up (default: ${DEFAULT-VALUE}).")
  long waitSeconds = 30;

  @Option(names = "--url", paramLabel = "URL", description = "The ingest API (default: NEWSFLOW_INGEST_URL, else http://localhost:8080).")
  String url;

  @Override
  public Integer call() throws Exception {
    Settings settings = LauncherSettings.fromEnvironment();
    ServiceClient ingest = new ServiceClient("ingest", url != null ? url : settings.get(LauncherSettings.INGEST_URL),
        Duration.ofSeconds(waitSeconds));
    String token = ClientCredentials.token(settings).orElse("");
    int failures = 0;
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        System.err.printf("newsflow: %s: no such file%n", file);
        failures++;
        continue;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/v1/articles"))
          .timeout(Duration.ofSeconds(60))
          .header("Content-Type", mediaType(file))
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofFile(file))
          .build();
      HttpResponse<String> response = ingest.send(request);
      if (response.statusCode() >= 300) {
        System.err.printf("newsflow: %s: %s%n", file, ingest.answered(response).getMessage());
        failures++;
      } else {
        System.out.println(response.body());
      }
    }
    if (failures > 0) {
      throw new CliFailure(CliFailure.SERVICE_ERROR, failures + " of " + files.size() + " files not accepted", null);
    }
    return 0;
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

package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/newsflow subscribe ...}: creates an alert subscription on a running sink and prints its id. */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
    description = "Create an alert subscription through the sink API (NEWSFLOW_SINK_URL) and print its id "
        + "(on stderr, what each entity name was resolved to). Every option given must hold; repeated options are "
        + "alternatives.")
public final class SubscribeCommand implements Callable<Integer> {

  @Option(names = "--entity", paramLabel = "NAME|QID", description = "Entity by Wikidata id (Q36) or name (Poland, "
      + "resolved to its id by the sink); repeatable: any of them.")
  List<String> entities = new ArrayList<>();

  @Option(names = "--entity-type", paramLabel = "TYPE", split = ",", description = "PERSON, ORGANIZATION, LOCATION, MISC.")
  List<String> entityTypes = new ArrayList<>();

  @Option(names = "--holder", paramLabel = "NAME|QID", description = "Stance holder (or the body it speaks for).")
  String holder;

  @Option(names = "--polarity", paramLabel = "P", split = ",", description = "Stance polarities: SUPPORT, OPPOSE, HESITANT, NEUTRAL.")
  List<String> polarities = new ArrayList<>();

  @Option(names = "--target", paramLabel = "WORDS", description = "Words the stance's target must contain.")
  String target;

  @Option(names = "--keyword", paramLabel = "WORD", description = "Word or phrase in headline or body; repeatable: any of them.")
  List<String> keywords = new ArrayList<>();

  @Option(names = "--language", paramLabel = "L", description = "Story language, ISO 639-1 (en).")
  String language;

  @Option(names = "--source", paramLabel = "S", description = "Story source (newsroom).")
  String source;

  @Option(names = "--min-urgency", paramLabel = "N", description = "Only stories of urgency N or more urgent (1 is most urgent).")
  Integer minUrgency;

  @Option(names = "--webhook", paramLabel = "URL", description = "POST alerts here, signed (X-Newsflow-Signature).")
  String webhook;

  @Option(names = "--secret", paramLabel = "S", description = "Webhook signing secret (16+ characters); generated and printed when omitted.")
  String secret;

  @Option(names = "--name", paramLabel = "TEXT", description = "A label for people.")
  String name;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for a sink that is still "
      + "starting (connection refused) before giving up (default: ${DEFAULT-VALUE}).")
  long waitSeconds = 30;

  @Option(names = "--url", paramLabel = "URL", description = "The sink API (default: NEWSFLOW_SINK_URL, else http://localhost:8082).")
  String url;

  @Override
  public Integer call() throws Exception {
    Settings settings = LauncherSettings.fromEnvironment();
    HttpResponse<String> response = send(settings);
    if (response.statusCode() != 201) {
      throw sink(settings).answered(response);
    }
    JsonNode created = Json.mapper().readTree(response.body());
    System.out.println(created.path("id").asText());
    // what each name was resolved to, so that "Poland" is seen to mean Q36 and an ambiguous name is noticed
    for (JsonNode resolution : created.path("entityResolution")) {
      System.err.println("entity " + resolution.path("note").asText());
    }
    JsonNode holder = created.path("stance").path("holderResolution");
    if (holder.isObject()) {
      System.err.println("stance holder " + holder.path("note").asText());
    }
    JsonNode generated = created.path("webhook").path("secret");
    if (generated.isTextual()) {
      System.err.println("webhook secret (shown once): " + generated.asText());
    }
    return 0;
  }

  /** POSTs the subscription these options describe to the sink named by the settings. */
  public HttpResponse<String> send(Settings settings) throws IOException, InterruptedException {
    ServiceClient client = sink(settings);
    String token = ClientCredentials.token(settings).orElse("");
    HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/v1/subscriptions"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(request())))
        .build();
    HttpResponse<String> response = client.send(request);
    // 503: nothing was stored (the sink's entity dictionary may still be loading after a start), so ask again
    for (int retry = 0; retry < RETRIES_WHEN_UNAVAILABLE && response.statusCode() == 503; retry++) {
      Thread.sleep(RETRY_WAIT.toMillis());
      response = client.send(request);
    }
    return response;
  }

  private ServiceClient sink(Settings settings) {
    return new ServiceClient("sink", url != null ? url : settings.get(LauncherSettings.SINK_URL), Duration.ofSeconds(waitSeconds));
  }

  private static final int RETRIES_WHEN_UNAVAILABLE = 4;
  private static final Duration RETRY_WAIT = Duration.ofSeconds(5);

  /** The request body: only the options given, so the sink validates and names any wrong field. */
  ObjectNode request() {
    ObjectNode body = Json.mapper().createObjectNode();
    if (name != null) {
      body.put("name", name);
    }
    strings(body, "entities", entities);
    strings(body, "entityTypes", entityTypes);
    if (holder != null || !polarities.isEmpty() || target != null) {
      ObjectNode stance = body.putObject("stance");
      if (holder != null) {
        stance.put("holder", holder);
      }
      strings(stance, "polarities", polarities);
      if (target != null) {
        stance.put("target", target);
      }
    }
    strings(body, "keywords", keywords);
    if (language != null) {
      body.put("language", language);
    }
    if (source != null) {
      body.put("source", source);
    }
    if (minUrgency != null) {
      body.put("minUrgency", minUrgency);
    }
    if (webhook != null) {
      ObjectNode hook = body.putObject("webhook").put("url", webhook);
      if (secret != null) {
        hook.put("secret", secret);
      }
    }
    return body;
  }

  private static void strings(ObjectNode parent, String field, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = parent.putArray(field);
      values.forEach(array::add);
    }
  }
}

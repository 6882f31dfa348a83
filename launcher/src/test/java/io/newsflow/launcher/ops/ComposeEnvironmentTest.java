package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.launcher.Newsflow;
import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.sink.SinkConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import picocli.CommandLine;

/** The compose files configure the services only with variables the services read, and with all they need. */
class ComposeEnvironmentTest {

  static final List<String> COMPOSE_FILES = RepoFiles.COMPOSE_FILES;

  private static final Set<String> KNOWN = LauncherSettings.all().stream().map(Setting::name)
      .collect(Collectors.toCollection(TreeSet::new));

  /** What a container of each command cannot do without, beyond the image's own ENV. */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "topics", List.of("KAFKA_BOOTSTRAP_SERVERS", LauncherSettings.PARTITIONS.name(), LauncherSettings.REPLICATION.name()),
      "ingest", List.of("KAFKA_BOOTSTRAP_SERVERS", IngestConfig.PORT.name()),
      "enrich", List.of("KAFKA_BOOTSTRAP_SERVERS", EnrichConfig.HTTP_PORT.name(), EnrichConfig.APPLICATION_ID.name(),
          EnrichConfig.STATE_DIR.name()),
      "sink", List.of("KAFKA_BOOTSTRAP_SERVERS", SinkConfig.HTTP_PORT.name(), SinkConfig.APPLICATION_ID.name(),
          SinkConfig.STATE_DIR.name()));

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void setsOnlyVariablesTheServicesRead(String file) {
    // given
    Map<String, Map<String, Object>> services = RepoFiles.newsflowServices(RepoFiles.compose(file));

    // when
    List<String> unknown = new ArrayList<>();
    services.forEach((name, service) -> RepoFiles.environment(service).keySet().stream()
        .filter(variable -> !KNOWN.contains(variable) && !variable.startsWith(Settings.KAFKA_PREFIX))
        .forEach(variable -> unknown.add(name + ": " + variable)));

    // then
    assertThat(services).as("newsflow services in %s", file).isNotEmpty();
    assertThat(unknown)
        .as("%s sets variables no service reads (known: LauncherSettings.all() and KAFKA_* pass-through: %s)", file, KNOWN)
        .isEmpty();
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void setsEveryVariableAServiceNeedsInAContainer(String file) {
    // given
    Map<String, Map<String, Object>> services = RepoFiles.newsflowServices(RepoFiles.compose(file));
    Map<String, String> image = RepoFiles.dockerfileEnv();

    // when
    List<String> missing = new ArrayList<>();
    services.forEach((name, service) -> {
      Map<String, String> env = effectiveEnvironment(image, service);
      for (String variable : REQUIRED.getOrDefault(RepoFiles.command(service), List.of())) {
        if (env.getOrDefault(variable, "").isBlank()) {
          missing.add(name + ": " + variable);
        }
      }
      // ingest authenticates posts, sink the subscriptions API: both with the same credentials
      if (List.of("ingest", "sink").contains(RepoFiles.command(service))
          && !env.containsKey(IngestConfig.API_TOKENS.name()) && !env.containsKey(IngestConfig.API_TOKENS_FILE.name())) {
        missing.add(name + ": NEWSFLOW_API_TOKENS or NEWSFLOW_API_TOKENS_FILE");
      }
    });

    // then
    assertThat(missing).as("%s: variables a service needs in a container but that are not set", file).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  @SuppressWarnings("unchecked")
  void runsUnderComposeV1AsWellAsV2(String file) {
    // given
    Map<String, Object> compose = RepoFiles.compose(file);

    // when
    Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) compose.getOrDefault("secrets", Map.of());

    // then: docker-compose 1.29 rejects a top-level name and secrets taken from the environment
    assertThat(compose).as("%s: top-level keys", file).doesNotContainKey("name");
    assertThat(secrets).as("%s: secrets", file).allSatisfy((name, secret) -> assertThat(secret).containsOnlyKeys("file"));
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void pointsTheServicesAtTheComposeBrokersNotAtLocalhost(String file) {
    // given
    Map<String, Object> compose = RepoFiles.compose(file);
    Set<String> brokers = kafkaServices(compose);

    // when
    Map<String, String> bootstraps = new LinkedHashMap<>();
    RepoFiles.newsflowServices(compose).forEach((name, service) ->
        bootstraps.put(name, RepoFiles.environment(service).get("KAFKA_BOOTSTRAP_SERVERS")));

    // then
    assertThat(bootstraps).allSatisfy((name, bootstrap) -> assertThat(hosts(bootstrap))
        .as("%s: %s KAFKA_BOOTSTRAP_SERVERS", file, name)
        .isNotEmpty()
        .isSubsetOf(brokers));
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void keepsStreamsStateOnAVolumeOfItsOwn(String file) {
    // given
    Map<String, Map<String, Object>> services = RepoFiles.newsflowServices(RepoFiles.compose(file));
    Map<String, String> image = RepoFiles.dockerfileEnv();

    // when
    List<String> problems = new ArrayList<>();
    Map<String, String> volumeOwners = new HashMap<>();
    services.forEach((name, service) -> {
      String command = RepoFiles.command(service);
      String stateVariable = switch (command) {
        case "enrich" -> EnrichConfig.STATE_DIR.name();
        case "sink" -> SinkConfig.STATE_DIR.name();
        default -> null;
      };
      if (stateVariable == null) {
        return;
      }
      String stateDir = effectiveEnvironment(image, service).get(stateVariable);
      List<String[]> mounts = volumes(service);
      String[] mount = mounts.stream().filter(v -> stateDir != null && stateDir.startsWith(v[1])).findFirst().orElse(null);
      if (mount == null) {
        problems.add(name + ": " + stateVariable + "=" + stateDir + " is on no volume");
        return;
      }
      String owner = volumeOwners.putIfAbsent(mount[0], name);
      if (owner != null) {
        problems.add(name + " and " + owner + " share Streams state volume " + mount[0]);
      }
    });

    // then
    assertThat(problems).as(file).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void startsServicesOnlyOnceKafkaIsHealthyAndTheTopicsExist(String file) {
    // given
    Map<String, Object> compose = RepoFiles.compose(file);
    Set<String> brokers = kafkaServices(compose);

    // when
    List<String> problems = new ArrayList<>();
    RepoFiles.newsflowServices(compose).forEach((name, service) -> {
      Map<String, String> conditions = dependsOn(service);
      for (String broker : brokers) {
        if (!"service_healthy".equals(conditions.get(broker))) {
          problems.add(name + " does not wait for " + broker + " to be healthy");
        }
      }
      boolean oneShot = "topics".equals(RepoFiles.command(service));
      if (!oneShot && !"service_completed_successfully".equals(conditions.get("topics"))) {
        problems.add(name + " does not wait for the topics step to complete");
      }
    });

    // then
    assertThat(problems).as(file).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void publishesEachServiceOnThePortItListensOn(String file) {
    // given
    Map<String, Map<String, Object>> services = RepoFiles.newsflowServices(RepoFiles.compose(file));
    Map<String, String> portVariables = Map.of("ingest", IngestConfig.PORT.name(),
        "enrich", EnrichConfig.HTTP_PORT.name(), "sink", SinkConfig.HTTP_PORT.name());

    // when
    List<String> problems = new ArrayList<>();
    services.forEach((name, service) -> {
      String variable = portVariables.get(RepoFiles.command(service));
      if (variable == null) {
        return;
      }
      String listens = RepoFiles.environment(service).get(variable);
      List<String> targets = ports(service);
      if (targets.isEmpty() || !targets.contains(listens)) {
        problems.add(name + " listens on " + variable + "=" + listens + " but publishes container ports " + targets);
      }
    });

    // then
    assertThat(problems).as(file).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void runsOnlyCommandsTheLauncherHas(String file) {
    // given
    Set<String> commands = new CommandLine(new Newsflow()).getSubcommands().keySet();

    // when
    Set<String> used = RepoFiles.newsflowServices(RepoFiles.compose(file)).values().stream()
        .map(RepoFiles::command).collect(Collectors.toCollection(TreeSet::new));

    // then
    assertThat(used).as(file).containsOnly("topics", "ingest", "enrich", "sink");
    assertThat(commands).containsAll(used);
  }

  @ParameterizedTest
  @FieldSource("COMPOSE_FILES")
  void replicatesTopicsNoMoreThanThereAreBrokers(String file) {
    // given
    Map<String, Object> compose = RepoFiles.compose(file);
    int brokers = kafkaServices(compose).size();

    // when
    List<Integer> replication = RepoFiles.newsflowServices(compose).values().stream()
        .filter(s -> "topics".equals(RepoFiles.command(s)))
        .map(s -> Integer.parseInt(interpolate(RepoFiles.environment(s).get(LauncherSettings.REPLICATION.name()))))
        .toList();

    // then
    assertThat(replication).as("%s: replication of the topics step", file).singleElement()
        .satisfies(r -> assertThat(r).isBetween(1, brokers));
  }

  static Map<String, String> effectiveEnvironment(Map<String, String> image, Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>(image);
    RepoFiles.environment(service).forEach((k, v) -> env.put(k, interpolate(v)));
    return env;
  }

  /** Compose's {@code ${NAME:-default}}: the default, as when the variable is not set on the host. */
  static String interpolate(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = Pattern.compile("\\$\\{[A-Za-z0-9_]+:?-([^}]*)}").matcher(value);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
  }

  static Set<String> kafkaServices(Map<String, Object> compose) {
    return RepoFiles.services(compose).entrySet().stream()
        .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("apache/kafka:"))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> hosts(String bootstrap) {
    if (bootstrap == null) {
      return Set.of();
    }
    Set<String> hosts = new TreeSet<>();
    for (String server : bootstrap.split(",")) {
      hosts.add(server.trim().replaceAll(":\\d+$", ""));
    }
    return hosts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependsOn(Map<String, Object> service) {
    Map<String, String> out = new LinkedHashMap<>();
    Object deps = service.get("depends_on");
    if (deps instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k),
          v instanceof Map<?, ?> m ? String.valueOf(((Map<String, Object>) m).get("condition")) : "service_started"));
    } else if (deps instanceof List<?> list) {
      list.forEach(k -> out.put(String.valueOf(k), "service_started"));
    }
    return out;
  }

  /** Named-volume mounts as {source, target}. */
  private static List<String[]> volumes(Map<String, Object> service) {
    List<String[]> out = new ArrayList<>();
    if (service.get("volumes") instanceof List<?> list) {
      for (Object v : list) {
        String[] parts = String.valueOf(v).split(":");
        if (parts.length >= 2) {
          out.add(new String[] {parts[0], parts[1]});
        }
      }
    }
    return out;
  }

  /** Container ports a service publishes. */
  private static List<String> ports(Map<String, Object> service) {
    List<String> out = new ArrayList<>();
    if (service.get("ports") instanceof List<?> list) {
      for (Object p : list) {
        String[] parts = String.valueOf(p).split(":");
        out.add(parts[parts.length - 1].replaceAll("/.*", ""));
      }
    }
    return out;
  }
}

package io.newsflow.launcher.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The repository's operations files as the tests read them: compose files, the Dockerfile, the README. */
final class RepoFiles {

  static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.scale.yml");
  /** Services built from this repository's image, as opposed to Kafka, Prometheus and Grafana. */
  static final String IMAGE_PREFIX = "newsflow:";

  private RepoFiles() {}

  /** The repository root: the nearest directory up from the module that holds the Dockerfile. */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("Dockerfile"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No Dockerfile above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static String read(String relative) {
    try {
      return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compose file with anchors and merge keys resolved, as Compose reads it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> compose(String file) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    return (Map<String, Object>) new Yaml(options).load(read(file));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  /** Services that run the newsflow image, by name. */
  static Map<String, Map<String, Object>> newsflowServices(Map<String, Object> compose) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    services(compose).forEach((name, service) -> {
      if (String.valueOf(service.get("image")).startsWith(IMAGE_PREFIX)) {
        out.put(name, service);
      }
    });
    return out;
  }

  /** A service's environment as names and values (map or list form), values as written. */
  @SuppressWarnings("unchecked")
  static Map<String, String> environment(Map<String, Object> service) {
    Object env = service.get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (env instanceof List<?> list) {
      for (Object entry : list) {
        String[] kv = String.valueOf(entry).split("=", 2);
        out.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return out;
  }

  /** The first word of a service's command: which newsflow subcommand the container runs. */
  static String command(Map<String, Object> service) {
    Object command = service.get("command");
    if (command instanceof List<?> list && !list.isEmpty()) {
      return String.valueOf(list.get(0));
    }
    return command == null ? "run" : String.valueOf(command).trim().split("\\s+")[0];
  }

  /** {@code ENV} settings of the Dockerfile's last stage (the runtime image), in both ENV forms. */
  static Map<String, String> dockerfileEnv() {
    String dockerfile = read("Dockerfile").replace("\\\n", " ");
    String[] stages = dockerfile.split("(?m)^FROM ");
    String runtime = stages[stages.length - 1];
    Map<String, String> env = new LinkedHashMap<>();
    Matcher line = Pattern.compile("(?m)^ENV (.+)$").matcher(runtime);
    Pattern pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");
    while (line.find()) {
      Matcher m = pair.matcher(line.group(1));
      while (m.find()) {
        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
      }
    }
    return env;
  }
}

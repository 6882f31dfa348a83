package io.newsflow.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Read-only view of the environment a service starts with. Application settings are prefixed
 * {@code NEWSFLOW_}; every {@code KAFKA_} variable passes through to the Kafka clients
 * ({@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code bootstrap.servers}).
 *
 * <p>Any of them can instead come from a file, as Docker and Kubernetes secrets are mounted: {@code NAME_FILE}
 * names a file whose content (surrounding white space removed) is the value of {@code NAME}, and wins over
 * {@code NAME}. So {@code NEWSFLOW_API_TOKENS_FILE=/run/secrets/tokens} sets {@code NEWSFLOW_API_TOKENS} and
 * {@code KAFKA_SASL_JAAS_CONFIG_FILE} sets {@code sasl.jaas.config}. A Kafka client setting whose own name ends in
 * {@code .file} ({@code KAFKA_SASL_OAUTHBEARER_ASSERTION_FILE}) passes through as the path it is. Values read
 * from files are never shown by {@link #describe}.
 */
public final class Settings {

  public static final String PREFIX = "NEWSFLOW_";
  public static final String KAFKA_PREFIX = "KAFKA_";
  public static final String FILE_SUFFIX = "_FILE";

  private final Map<String, String> env;
  /** Variables whose value was read from a file. */
  private final Set<String> fromFiles;
  /** The {@code _FILE} variables that were read, so they are not passed to Kafka as well. */
  private final Set<String> fileVariables;

  private Settings(Map<String, String> env, Set<String> fromFiles, Set<String> fileVariables) {
    this.env = Map.copyOf(env);
    this.fromFiles = Set.copyOf(fromFiles);
    this.fileVariables = Set.copyOf(fileVariables);
  }

  /**
   * The settings of {@code env}, with every {@code NAME_FILE} variable read now.
   *
   * @throws ConfigException when a {@code _FILE} variable names a file that cannot be read
   */
  public static Settings from(Map<String, String> env) {
    Map<String, String> resolved = new java.util.HashMap<>();
    env.forEach((name, value) -> {
      if (name != null && value != null) {
        resolved.put(name, value);
      }
    });
    Set<String> fromFiles = new java.util.HashSet<>();
    Set<String> fileVariables = new java.util.HashSet<>();
    for (Map.Entry<String, String> e : new TreeMap<>(resolved).entrySet()) {
      String target = fileTarget(e.getKey());
      if (target == null || e.getValue().isBlank()) {
        continue;
      }
      resolved.put(target, readSecretFile(e.getKey(), e.getValue().trim()));
      fromFiles.add(target);
      fileVariables.add(e.getKey());
    }
    return new Settings(resolved, fromFiles, fileVariables);
  }

  /** The variable a {@code NAME_FILE} variable sets, or null when {@code name} is not one. */
  private static String fileTarget(String name) {
    if (!name.endsWith(FILE_SUFFIX)) {
      return null;
    }
    String target = name.substring(0, name.length() - FILE_SUFFIX.length());
    if (target.startsWith(PREFIX) && target.length() > PREFIX.length()) {
      return target;
    }
    if (target.startsWith(KAFKA_PREFIX) && target.length() > KAFKA_PREFIX.length()
        && !KafkaClientSettings.isKnown(kafkaPropertyName(name))) {
      return target;
    }
    return null;
  }

  private static String readSecretFile(String variable, String path) {
    try {
      return Secrets.readFile(Path.of(path));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ConfigException(variable + " names a file that cannot be read: " + path + " ("
          + cause.getClass().getSimpleName() + ")");
    }
  }

  private static String kafkaPropertyName(String variable) {
    return variable.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public Optional<String> find(Setting setting) {
    String value = env.get(setting.name());
    if (value == null || value.isBlank()) {
      return setting.defaultValue().isEmpty() ? Optional.empty() : Optional.of(setting.defaultValue());
    }
    return Optional.of(value.trim());
  }

  public String get(Setting setting) {
    return find(setting).orElseThrow(() -> new ConfigException(setting.name() + " is required: " + setting.description()));
  }

  public int getInt(Setting setting) {
    String value = get(setting);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(setting.name() + " must be a whole number, was '" + value + "'");
    }
  }

  public long getLong(Setting setting) {
    String value = get(setting);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ConfigException(setting.name() + " must be a whole number, was '" + value + "'");
    }
  }

  public boolean getBoolean(Setting setting) {
    String value = get(setting).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new ConfigException(setting.name() + " must be true or false, was '" + value + "'");
    };
  }

  /** A duration written as ISO-8601 ({@code PT5S}) or as a number with a unit: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
  public Duration getDuration(Setting setting) {
    String value = get(setting);
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(setting.name() + " must be a duration such as 500ms, 5s or PT5S, was '" + value + "'");
    }
  }

  public Path getPath(Setting setting) {
    return Path.of(get(setting));
  }

  public List<String> getList(Setting setting) {
    return find(setting).stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  public boolean isSet(String name) {
    String value = env.get(name);
    return value != null && !value.isBlank();
  }

  /** Kafka client properties from {@code KAFKA_*} variables: {@code KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}. */
  public Properties kafkaProperties() {
    Properties props = new Properties();
    env.forEach((name, value) -> {
      if (name.startsWith(KAFKA_PREFIX) && !fileVariables.contains(name) && !value.isBlank()) {
        props.put(kafkaPropertyName(name), value.trim());
      }
    });
    return props;
  }

  /**
   * {@code NEWSFLOW_} variables that no known setting names (a known setting's {@code _FILE} variant is known),
   * sorted: reported at start, most often typos.
   */
  public Set<String> unknown(Collection<Setting> known) {
    Set<String> names = known.stream().map(Setting::name).collect(Collectors.toSet());
    return env.keySet().stream()
        .filter(n -> n.startsWith(PREFIX) && !names.contains(n) && !fromFiles.contains(n)
            && !(fileVariables.contains(n) && names.contains(fileTarget(n))))
        .collect(Collectors.toCollection(() -> new java.util.TreeSet<>()));
  }

  /** Values to log at start; anything that looks secret, and every value read from a file, is masked. */
  public Map<String, String> describe(Collection<Setting> known) {
    Map<String, String> out = new TreeMap<>();
    for (Setting s : known) {
      boolean secret = Secrets.looksSecret(s.name()) || fromFiles.contains(s.name());
      find(s).ifPresent(v -> out.put(s.name(), secret ? "****" : v));
    }
    return out;
  }
}

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
 */
public final class Settings {

  public static final String PREFIX = "NEWSFLOW_";
  public static final String KAFKA_PREFIX = "KAFKA_";

  private final Map<String, String> env;

  private Settings(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public static Settings from(Map<String, String> env) {
    return new Settings(env);
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
      if (name.startsWith(KAFKA_PREFIX) && value != null && !value.isBlank()) {
        props.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value.trim());
      }
    });
    return props;
  }

  /** {@code NEWSFLOW_} variables that no known setting names, sorted: reported at start, most often typos. */
  public Set<String> unknown(Collection<Setting> known) {
    Set<String> names = known.stream().map(Setting::name).collect(Collectors.toSet());
    return env.keySet().stream()
        .filter(n -> n.startsWith(PREFIX) && !names.contains(n))
        .collect(Collectors.toCollection(() -> new java.util.TreeSet<>()));
  }

  /** Values to log at start; anything that looks secret is masked. */
  public Map<String, String> describe(Collection<Setting> known) {
    Map<String, String> out = new TreeMap<>();
    for (Setting s : known) {
      find(s).ifPresent(v -> out.put(s.name(), Secrets.looksSecret(s.name()) ? "****" : v));
    }
    return out;
  }
}

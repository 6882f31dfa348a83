package io.newsflow.platform.config;

/**
 * One environment variable a service reads, with its default and what it does. Every service lists its
 * settings so the launcher can report unknown {@code NEWSFLOW_} variables and the README table stays true.
 *
 * @param name         environment variable, e.g. {@code NEWSFLOW_INGEST_PORT}
 * @param defaultValue value when unset; empty when there is none
 * @param description  one line for the configuration table
 */
public record Setting(String name, String defaultValue, String description) {

  public Setting {
    if (!name.startsWith(Settings.PREFIX) && !name.startsWith(Settings.KAFKA_PREFIX)) {
      throw new IllegalArgumentException("Setting " + name + " must start with " + Settings.PREFIX);
    }
  }
}

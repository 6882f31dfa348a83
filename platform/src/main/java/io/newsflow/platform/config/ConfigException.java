package io.newsflow.platform.config;

/** A setting is missing or malformed; the service refuses to start and says which. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}

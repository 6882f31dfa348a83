package io.newsflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Secrets come from a variable or from a file named by {@code <NAME>_FILE}; they are never logged. */
public final class Secrets {

  private Secrets() {}

  public static boolean looksSecret(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.contains("TOKEN") || n.contains("SECRET") || n.contains("PASSWORD") || n.contains("JAAS") || n.contains("KEY");
  }

  /** Reads a secret from the file a {@code _FILE} variable points at (Docker and Kubernetes secrets). */
  public static String readFile(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read secret file " + path, e);
    }
  }
}

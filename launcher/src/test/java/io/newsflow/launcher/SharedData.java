package io.newsflow.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the workplace's {@code shared/} folder, which CI lays beside the repository clone. */
public final class SharedData {

  private SharedData() {}

  public static Optional<Path> find(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("shared").resolve(relative);
      if (Files.exists(candidate)) {
        return Optional.of(candidate);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}

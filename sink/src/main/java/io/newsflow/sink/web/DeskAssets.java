package io.newsflow.sink.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The desk's static files (plain ES modules, CSS, HTML), served from the sink jar's {@code desk/} folder. */
public final class DeskAssets {

  /** One file and its media type. */
  public record Asset(byte[] body, String contentType) {}

  static final String FOLDER = "desk/";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg|png)");
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml",
      "png", "image/png");

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /** The file of that name (one path segment, {@code index.html} for an empty one), or empty. */
  public Optional<Asset> find(String name) {
    String file = name == null || name.isEmpty() ? "index.html" : name;
    if (!NAME.matcher(file).matches()) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(file, DeskAssets::load);
  }

  private static Optional<Asset> load(String file) {
    try (InputStream in = DeskAssets.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        return Optional.empty();
      }
      String ext = file.substring(file.lastIndexOf('.') + 1);
      return Optional.of(new Asset(in.readAllBytes(), TYPES.get(ext)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

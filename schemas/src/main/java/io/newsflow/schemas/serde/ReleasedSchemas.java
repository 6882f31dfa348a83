package io.newsflow.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.AvroRuntimeException;

/**
 * The Avro schemas of every released version, read from the {@code released-schemas/} resources that the
 * schemas module ships. Used to decode records written by older producers and by the evolution check.
 */
public final class ReleasedSchemas {

  private static final String ROOT = "released-schemas/";

  private ReleasedSchemas() {}

  /** Released version names, oldest first. */
  public static List<String> versions() {
    String index = read(ROOT + "index.txt");
    List<String> versions = new ArrayList<>();
    for (String line : index.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        versions.add(line.trim());
      }
    }
    return versions;
  }

  /** Every named schema of one released version, by full name. */
  public static Map<String, Schema> of(String version) {
    List<String> files = new ArrayList<>(List.of(read(ROOT + version + "/files.txt").split("\n")));
    files.removeIf(String::isBlank);
    return parseAll(files.stream().map(f -> read(ROOT + version + "/" + f.trim())).toList());
  }

  /**
   * Parses schema texts that refer to each other by name, in whatever order they come: a text whose
   * referenced types are not known yet is retried after the others.
   */
  static Map<String, Schema> parseAll(List<String> texts) {
    Map<String, Schema> known = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>(texts);
    while (!pending.isEmpty()) {
      List<String> stillPending = new ArrayList<>();
      AvroRuntimeException last = null;
      for (String text : pending) {
        Schema.Parser parser = new Schema.Parser();
        parser.addTypes(known.values());
        try {
          Schema schema = parser.parse(text);
          known.put(schema.getFullName(), schema);
        } catch (AvroRuntimeException e) {
          stillPending.add(text);
          last = e;
        }
      }
      if (stillPending.size() == pending.size()) {
        throw new IllegalStateException("Released schemas refer to unknown types", last);
      }
      pending = stillPending;
    }
    return known;
  }

  private static String read(String resource) {
    try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.newsflow.ingest.dropfolder;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The media type of a wire-copy file, from its extension. */
public final class FileMediaTypes {

  private FileMediaTypes() {}

  public static Optional<String> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return Optional.ofNullable(switch (ext) {
      case "json" -> "application/json";
      case "ninjs" -> "application/vnd.iptc.ninjs+json";
      case "ndjson", "jsonl" -> "application/x-ndjson";
      case "xml", "nml", "newsml", "g2" -> "application/xml";
      case "rss" -> "application/rss+xml";
      case "atom" -> "application/atom+xml";
      case "txt", "text" -> "text/plain";
      case "html", "htm" -> "text/html";
      default -> null;
    });
  }

  /** Files a writer has not finished: dotfiles and the usual temporary suffixes. */
  public static boolean isPartial(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".crdownload")
        || name.endsWith(".filepart") || name.endsWith("~");
  }

  public static String expected() {
    return ".json, .ninjs, .ndjson, .jsonl, .xml, .nml, .newsml, .g2, .rss, .atom, .txt, .text, .html, .htm";
  }
}

package io.newsflow.bench.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The documents a bench run uses: generated stories of a fixed seed, then any sample files given. */
public final class Corpus {

  private Corpus() {}

  public static List<BenchArticle> of(long seed, int generated, List<Path> files) throws IOException {
    List<BenchArticle> articles = new ArrayList<>(generated + files.size());
    new WireCopyGenerator(seed).stories(generated).forEach(s -> articles.add(s.toJsonArticle()));
    for (Path file : files) {
      articles.add(new BenchArticle(file.getFileName().toString(), mediaType(file), Files.readAllBytes(file)));
    }
    return articles;
  }

  /** The media type a sample file is parsed and posted as, from its name, as {@code bin/newsflow post} does. */
  static String mediaType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return "application/json";
    } else if (name.endsWith(".xml")) {
      return "application/xml";
    } else if (name.endsWith(".html") || name.endsWith(".htm")) {
      return "text/html";
    }
    return "text/plain";
  }
}

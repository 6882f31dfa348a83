package io.newsflow.launcher.commands;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.formats.UnsupportedFormatException;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.sink.index.IndexDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/newsflow annotate FILE...}: the enrichment offline, one index document per input article. Files are
 * read by ingest's own wire-format parsers (every field kept, a declared language included); a bad item is
 * reported with where it is (a JSON-lines file: its line number) and the others are still annotated.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = "Enrich files offline (no Kafka) and print one index document per article as JSON lines. "
        + "Inputs as ingest reads them, by file name: plain text (first line is the headline), ninjs or newsflow "
        + "JSON, JSON lines (.jsonl, .ndjson: one newsflow article per line), NewsML-G2, RSS, Atom, HTML. "
        + "Bad lines or items are reported on stderr with their line number; exit 1 if any was.")
public final class AnnotateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(names = "--source", paramLabel = "S", description = "Source recorded on the articles; its configured "
      + "language (NEWSFLOW_ENRICH_SOURCE_LANGUAGES) is used when a story's cannot be detected (default: ${DEFAULT-VALUE}).")
  String source = "annotate";

  /** The enrichment; the shipped models unless a test gives a lighter one. */
  Supplier<Enricher> enrichment = Enrichment::standard;

  @Override
  public Integer call() throws IOException {
    Enricher enricher = enrichment.get()
        .withSourceLanguages(EnrichConfig.sourceLanguages(LauncherSettings.fromEnvironment()));
    int failed = 0;
    int annotated = 0;
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        System.err.printf("newsflow: %s: no such file%n", file);
        failed++;
        continue;
      }
      byte[] bytes = Files.readAllBytes(file);
      String mediaType = PostCommand.mediaType(file);
      List<ParsedItem> items;
      try {
        items = WireFormats.read(bytes, mediaType.split(";")[0].trim());
      } catch (UnsupportedFormatException | InvalidArticleException e) {
        System.err.printf("newsflow: %s: %s%n", file, where(e));
        failed++;
        continue;
      }
      for (ParsedItem item : items) {
        if (!item.ok()) {
          System.err.printf("newsflow: %s: %s%n", file, where(item.error()));
          failed++;
          continue;
        }
        var raw = RawArticles.from(item.article(), source, mediaType, bytes, Instant.now());
        System.out.println(IndexDocuments.toJson(enricher.enrich(raw)));
        annotated++;
      }
    }
    System.out.flush();
    if (failed > 0) {
      throw new CliFailure(CliFailure.FAILED, failed + " item(s) could not be read; " + annotated + " annotated", null);
    }
    return 0;
  }

  /** The error with the place it names: {@code line 3: 'headline' is required ...}. */
  private static String where(RuntimeException e) {
    if (e instanceof InvalidArticleException invalid && invalid.field() != null && !invalid.field().equals("$")) {
      return invalid.field() + ": " + e.getMessage();
    }
    return e.getMessage();
  }
}

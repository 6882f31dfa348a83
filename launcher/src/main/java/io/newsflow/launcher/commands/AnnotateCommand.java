package io.newsflow.launcher.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.WireFormats;
import io.newsflow.platform.json.Json;
import io.newsflow.schemas.avro.SourceFormat;
import io.newsflow.sink.index.IndexDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow annotate FILE...}: the enrichment offline, one index document per input article. */
@Command(name = "annotate", mixinStandardHelpOptions = true,
    description = "Enrich files offline (no Kafka) and print one index document per article as JSON lines. "
        + "Inputs: plain text (first line is the headline), ninjs or newsflow JSON, or JSON lines with id, headline, body.")
public final class AnnotateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Enricher enricher = Enrichment.standard();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (ParsedArticle article : read(file, bytes)) {
        var raw = RawArticles.from(article, "annotate", PostCommand.mediaType(file), bytes, Instant.now());
        System.out.println(IndexDocuments.toJson(enricher.enrich(raw)));
      }
    }
    return 0;
  }

  static List<ParsedArticle> read(Path file, byte[] bytes) throws Exception {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      List<ParsedArticle> articles = new ArrayList<>();
      for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = Json.mapper().readTree(line);
        String body = node.hasNonNull("body") ? node.get("body").asText() : node.path("text").asText();
        articles.add(ParsedArticle.simple(node.path("id").asText(null), node.path("version").asLong(1),
            node.path("headline").asText(""), body, SourceFormat.JSON));
      }
      return articles;
    }
    return WireFormats.parse(bytes, PostCommand.mediaType(file).split(";")[0]);
  }
}

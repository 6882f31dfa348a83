package io.newsflow.launcher.commands;

import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.launcher.reenrich.Reenrichment;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/newsflow reenrich}: the indexed stories through the current models again, beside live traffic. */
@Command(name = "reenrich", mixinStandardHelpOptions = true,
    description = "Replay news.raw (all of it, or since a time) through the current models and update news.index: "
        + "the version of each story indexed now is enriched again and written to news.enriched marked as a "
        + "re-enrichment (no alerts; never over a newer version or a killed story). Runs beside the live pipeline.")
public final class ReenrichCommand implements Callable<Integer> {

  @Option(names = "--since", description = "Only story versions accepted at or after this instant or this long ago "
      + "(ISO-8601: 2026-12-01T00:00:00Z or P7D / PT6H); default: all of news.raw.")
  String since;

  @Option(names = "--timeout", description = "Seconds Kafka may take to answer one request (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 60;

  @Override
  public Integer call() {
    Settings settings = LauncherSettings.fromEnvironment();
    String bootstrap = settings.get(IngestConfig.BOOTSTRAP);
    Instant from = since == null ? null : instant(since);
    Reenrichment reenrichment = new Reenrichment(KafkaSettings.common(settings, bootstrap),
        KafkaSettings.producer(settings, bootstrap, "newsflow-reenrich"), Enrichment.standard(),
        Duration.ofSeconds(timeoutSeconds));
    PrintStream err = System.err;
    Reenrichment.Summary summary = reenrichment.run(from, p -> err.print("\r" + IngestDirCommand.bar(
        (int) Math.min(Integer.MAX_VALUE, p.done()), (int) Math.min(Integer.MAX_VALUE, p.total()))
        + String.format(" %s %d/%d records  re-enriched %d", p.phase(), p.done(), p.total(), p.reenriched())));
    err.println();
    System.out.printf("news.raw records read %d: re-enriched %d, superseded or resent %d, not indexed (killed, "
            + "dead-lettered, duplicate or still in flight) %d, failed %d%n", summary.rawRecords(),
        summary.reenriched(), summary.superseded(), summary.notIndexed(), summary.failed());
    return summary.failed() == 0 ? 0 : 1;
  }

  /** An instant (2026-12-01T00:00:00Z), or a duration before now (P7D, PT6H). */
  static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      return Instant.now().minus(Duration.parse(value));
    }
  }
}

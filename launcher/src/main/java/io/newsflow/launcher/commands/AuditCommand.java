package io.newsflow.launcher.commands;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.launcher.audit.Accounting;
import io.newsflow.launcher.audit.AuditPrinter;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicReader;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/newsflow audit}: how every accepted article ended, and whether anything was lost or duplicated. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Read news.raw, news.enriched, news.index, news.duplicates, news.deadletter and news.alerts "
        + "(committed records, from the beginning) and account for every accepted article: indexed, duplicate "
        + "or old version, or dead-lettered. Exit code 1 when an article is unaccounted for or an output was "
        + "written more than once, 2 when the topics could not be read in time.")
public final class AuditCommand implements Callable<Integer> {

  @Option(names = "--timeout", description = "Seconds allowed to read all topics (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 60;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Settings settings = LauncherSettings.fromEnvironment();
    TopicReader reader = new TopicReader(KafkaSettings.common(settings, settings.get(IngestConfig.BOOTSTRAP)),
        Duration.ofSeconds(timeoutSeconds));
    AuditReport report;
    try {
      report = Accounting.account(reader.read());
    } catch (TopicReader.AuditIncompleteException e) {
      System.err.println("audit: " + e.getMessage());
      return 2;
    }
    System.out.print(json ? AuditPrinter.json(report) + "\n" : AuditPrinter.text(report));
    System.out.flush();
    return report.clean() ? 0 : 1;
  }
}

package io.newsflow.launcher.commands;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.backfill.Backfill;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow ingest-dir DIR}: backfills a folder of wire copy straight into {@code news.raw}. */
@Command(name = "ingest-dir", mixinStandardHelpOptions = true,
    description = "Backfill every file under DIR into news.raw (same parsing and checks as the HTTP API), with a "
        + "progress bar and a summary: accepted, duplicate, rejected with reasons. Exits 1 when anything was rejected.")
public final class IngestDirCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR")
  Path dir;

  @Option(names = "--source", description = "Source recorded on every article (default: ${DEFAULT-VALUE}).")
  String source = "backfill";

  @Override
  public Integer call() {
    Settings settings = LauncherSettings.fromEnvironment();
    PrintStream err = System.err;
    Backfill.Summary summary;
    try (Backfill backfill = Backfill.open(IngestConfig.from(settings), source)) {
      summary = backfill.run(dir, (done, total, file, soFar) -> err.print("\r" + bar(done, total)
          + String.format(" %d/%d files  accepted %d  duplicate %d  rejected %d", done, total,
              soFar.accepted(), soFar.duplicate(), soFar.rejected())));
    }
    err.println();
    System.out.printf("files %d, accepted %d, duplicate %d, rejected %d%n",
        summary.files(), summary.accepted(), summary.duplicate(), summary.rejected());
    for (Backfill.Rejection r : summary.rejections()) {
      System.out.printf("rejected %s%s: %d %s%s%n", r.file(), r.item() >= 0 ? " item " + r.item() : "", r.status(),
          r.field() == null ? "" : "[" + r.field() + "] ", r.reason());
    }
    return summary.rejected() == 0 ? 0 : 1;
  }

  static String bar(int done, int total) {
    int width = 30;
    int filled = total == 0 ? width : (int) ((long) done * width / total);
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
  }
}

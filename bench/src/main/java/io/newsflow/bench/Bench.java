package io.newsflow.bench;

import io.newsflow.bench.alerts.AlertLatencyBench;
import io.newsflow.bench.enrich.EnrichBenchCommand;
import io.newsflow.bench.pipeline.PipelineBenchCommand;
import io.newsflow.bench.profile.ProfileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bin/newsflow bench}: the measurements every performance claim and change is judged by. */
@Command(name = "newsflow bench", mixinStandardHelpOptions = true, version = "newsflow bench 0.1.0",
    description = "Measure enrichment against the stock CoreNLP pipeline, or the whole pipeline end to end.",
    subcommands = {EnrichBenchCommand.class, PipelineBenchCommand.class, ProfileCommand.class, AlertLatencyBench.class,
        CommandLine.HelpCommand.class})
public final class Bench {

  public static void main(String[] args) {
    int exit = new CommandLine(new Bench()).execute(args);
    System.exit(exit);
  }

  /** The command line as typed, for the result file. */
  public static String commandLine(CommandSpec spec) {
    return "bin/newsflow bench " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
  }
}

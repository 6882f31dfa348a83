package io.newsflow.launcher;

import io.newsflow.launcher.commands.AnnotateCommand;
import io.newsflow.launcher.commands.AuditCommand;
import io.newsflow.launcher.commands.FuzzCommand;
import io.newsflow.launcher.commands.IngestDirCommand;
import io.newsflow.launcher.commands.HealthCommand;
import io.newsflow.launcher.commands.PostCommand;
import io.newsflow.launcher.commands.ReenrichCommand;
import io.newsflow.launcher.commands.RunCommand;
import io.newsflow.launcher.commands.ServiceCommands;
import io.newsflow.launcher.commands.SubscribeCommand;
import io.newsflow.launcher.commands.TailCommand;
import io.newsflow.launcher.commands.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/newsflow}: the pipeline, its services one by one, and the tools around them. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
    description = "Event-driven news ingestion pipeline on Apache Kafka.",
    subcommands = {
        RunCommand.class,
        ServiceCommands.Ingest.class,
        ServiceCommands.Enrich.class,
        ServiceCommands.Sink.class,
        PostCommand.class,
        TailCommand.class,
        AnnotateCommand.class,
        SubscribeCommand.class,
        TopicsCommand.class,
        HealthCommand.class,
        AuditCommand.class,
        FuzzCommand.class,
        IngestDirCommand.class,
        ReenrichCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Newsflow {

  public static void main(String[] args) {
    int exit = new CommandLine(new Newsflow()).execute(args);
    System.exit(exit);
  }
}

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
import io.newsflow.launcher.commands.CliFailure;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
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

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace as well as the one-line error.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs one command and returns its exit code: 0 done, 1 failed, 2 usage error, 3 a service could not be
   * reached, 4 a service answered an error. Failures print one line, {@code newsflow: <what>}, on stderr.
   */
  public static int run(String... args) {
    return configure(new CommandLine(new Newsflow()), List.of(args).contains("--verbose")).execute(args);
  }

  /** The exit codes and one-line errors of {@link #run}, on any command line (tests run single commands). */
  public static CommandLine configure(CommandLine commandLine, boolean verbose) {
    return commandLine
        .setExitCodeExceptionMapper(Newsflow::exitCode)
        .setParameterExceptionHandler((e, args2) -> {
          System.err.println("newsflow: " + e.getMessage());
          System.err.println("newsflow: see 'bin/newsflow " + e.getCommandLine().getCommandName() + " --help'");
          return CliFailure.USAGE;
        })
        .setExecutionExceptionHandler((e, failed, parseResult) -> {
          System.out.flush();
          System.err.println("newsflow: " + oneLine(e));
          if (verbose) {
            e.printStackTrace(System.err);
          }
          return exitCode(e);
        });
  }

  private static int exitCode(Throwable e) {
    if (e instanceof CliFailure failure) {
      return failure.exitCode();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return CliFailure.UNREACHABLE;
      }
    }
    return CliFailure.FAILED;
  }

  private static String oneLine(Throwable e) {
    if (e instanceof CliFailure) {
      return e.getMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.lines().findFirst().orElse(message) + " (--verbose shows where)";
  }
}

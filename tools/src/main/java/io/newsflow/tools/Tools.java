package io.newsflow.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/newsflow eval|train|kb}: the offline tools, in a jar of their own so that no service ships them.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow tools 0.1.0",
    description = "Offline tools: score the enrichment on labelled data, train models, build the knowledge base.",
    subcommands = {EvalCommand.class, CommandLine.HelpCommand.class})
public final class Tools {

  public static void main(String[] args) {
    int exit = new CommandLine(new Tools()).execute(args);
    System.exit(exit);
  }
}

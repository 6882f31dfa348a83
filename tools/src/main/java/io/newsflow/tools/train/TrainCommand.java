package io.newsflow.tools.train;

import io.newsflow.tools.train.stance.StanceTraining;
import picocli.CommandLine.Command;

/** {@code bin/newsflow train stance|…}: trains the models newsflow ships from labelled data. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a shipped model on labelled data.",
    subcommands = {StanceTraining.class})
public final class TrainCommand {}

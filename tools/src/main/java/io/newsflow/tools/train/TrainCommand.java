package io.newsflow.tools.train;

import io.newsflow.tools.train.stance.StanceTraining;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/newsflow train ner|clusters|linker|stance}: builds the shipped models, seeded, from data given by path. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train models; prints the data's name and size and the development score.",
    subcommands = {StanceTraining.class})
public final class TrainCommand {

  @Command(name = "ner", mixinStandardHelpOptions = true,
      description = "The name recogniser (averaged perceptron, Viterbi) on CoNLL-2003-style JSON lines; tunes the "
          + "epoch on the development file; writes the model file.")
  int ner(@Option(names = "--train", required = true, paramLabel = "TRAIN.jsonl") Path train,
          @Option(names = "--dev", required = true, paramLabel = "DEV.jsonl") Path dev,
          @Option(names = "--clusters", defaultValue = "nlp/src/main/resources/ner/clusters.tsv.gz") Path clusters,
          @Option(names = "--out", defaultValue = "nlp/src/main/resources/ner/newsflow-ner.bin.gz") Path out,
          @Option(names = "--epochs", defaultValue = "12") int epochs,
          @Option(names = "--hash-bits", defaultValue = "21") int hashBits,
          @Option(names = "--garbled-copies", defaultValue = "1") int garbledCopies,
          @Option(names = "--seed", defaultValue = "20261204") long seed,
          @Option(names = "--members", defaultValue = "5",
              description = "perceptrons trained in different orders whose weights are averaged") int members)
      throws Exception {
    new NerTrainer(hashBits, epochs, seed, garbledCopies, members).run(train, dev, clusters, out, System.out);
    return 0;
  }

  @Command(name = "linker", mixinStandardHelpOptions = true,
      description = "The entity-linking ranker (logistic regression over candidate features) trained on gold files "
          + "with Wikidata links (eval/linking-real, ELEVANT benchmarks or newsflow gold files); regularisation and NIL "
          + "threshold chosen on the development file; writes the model file.")
  int linker(@Option(names = "--train", required = true, paramLabel = "TRAIN.jsonl") List<Path> train,
             @Option(names = "--dev", required = true, paramLabel = "DEV.jsonl") Path dev,
             @Option(names = "--corpus", defaultValue = "../shared/corpus/reuters21578.jsonl",
                 description = "the corpus offsets-only gold (eval/linking-real) points into") Path corpus,
             @Option(names = "--out", defaultValue = "nlp/src/main/resources/linking/newsflow-linker.tsv") Path out)
      throws Exception {
    new LinkerTrainer().run(train, corpus, dev, out, System.out);
    return 0;
  }

  @Command(name = "clusters", mixinStandardHelpOptions = true,
      description = "Word clusters (bit paths) from unlabelled news, JSON lines with title and body.")
  int clusters(@Option(names = "--corpus", required = true, paramLabel = "CORPUS.jsonl") Path corpus,
               @Option(names = "--out", defaultValue = "nlp/src/main/resources/ner/clusters.tsv.gz") Path out,
               @Option(names = "--words", defaultValue = "30000") int words,
               @Option(names = "--contexts", defaultValue = "600") int contexts,
               @Option(names = "--depth", defaultValue = "14") int depth,
               @Option(names = "--seed", defaultValue = "20261204") long seed) throws Exception {
    new ClusterBuilder(words, contexts, depth, seed).run(corpus, out, System.out);
    return 0;
  }
}

package io.newsflow.launcher.commands;

import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.fuzz.FuzzReport;
import io.newsflow.launcher.fuzz.FuzzRunner;
import io.newsflow.launcher.fuzz.FuzzTarget;
import io.newsflow.launcher.fuzz.InputGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/newsflow fuzz}: random and mutated inputs through every parser and the enrichment. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
    description = "Push seeded random, mutated and hostile inputs through each ingest parser (by media type) and the "
        + "enrichment; print counts of accepted, rejected, crashed, hung and unsafe inputs. Exit code 1 on any crash, "
        + "hang or unsafe acceptance.")
public final class FuzzCommand implements Callable<Integer> {

  @Option(names = "--iterations", description = "Inputs to generate (default: ${DEFAULT-VALUE}).")
  long iterations = 100_000;

  @Option(names = "--seed", description = "Seed; the same seed generates the same inputs (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--time-limit-ms", description = "Time one input may take before it counts as hung (default: ${DEFAULT-VALUE}).")
  long timeLimitMs = 10_000;

  @Option(names = "--samples", description = "Real documents to mutate, if the directory exists (default: ${DEFAULT-VALUE}).")
  Path samples = Path.of("../shared/samples");

  @Override
  public Integer call() throws IOException {
    List<InputGenerator.Sample> real = samples(samples);
    InputGenerator generator = new InputGenerator(seed, real);
    System.err.printf("fuzz: %d iterations, seed %d, %d samples (%d from %s)%n", iterations, seed,
        generator.sampleCount(), real.size(), samples);
    FuzzRunner runner = new FuzzRunner(new FuzzTarget(Enrichment.standard()), Duration.ofMillis(timeLimitMs), 5);
    FuzzReport report = runner.run(generator, seed, iterations, done -> System.err.printf("fuzz: %d done%n", done));
    System.out.print(report.text());
    System.out.flush();
    return report.passed() ? 0 : 1;
  }

  static List<InputGenerator.Sample> samples(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().matches(".*\\.(json|xml|txt|rss|atom|html|ndjson|jsonl)$"))
          .filter(f -> f.toFile().length() < 2_000_000)
          .map(f -> {
            try {
              return new InputGenerator.Sample(PostCommand.mediaType(f).split(";")[0], Files.readAllBytes(f));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .toList();
    }
  }
}

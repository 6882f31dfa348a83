package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.fuzz.FuzzInput;
import io.newsflow.launcher.fuzz.FuzzTarget;
import io.newsflow.launcher.fuzz.InputGenerator;
import io.newsflow.launcher.fuzz.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short, CI-sized variant of {@code bin/newsflow fuzz}: generated, mutated and hostile inputs, and arbitrary
 * bytes, through every parser and the enrichment are either accepted or cleanly rejected. The inputs come from
 * fixed seeds, so a failure names an input that fails again; coverage-guided fuzzing of each parser is in the
 * Jazzer tests of ingest and sink.
 */
class ParserFuzzTest {

  private static Enricher enricher;

  private static synchronized FuzzTarget target() {
    if (enricher == null) {
      enricher = Enrichment.standard();
    }
    return new FuzzTarget(enricher);
  }

  @ParameterizedTest
  @MethodSource("iterations")
  void generatedInputsAreAcceptedOrCleanlyRejected(long seed, long iteration) {
    // given
    FuzzInput input = new InputGenerator(seed, List.of()).generate(iteration);

    // when
    Outcome outcome = target().run(input);

    // then
    assertThat(outcome).as(input.describe()).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @ParameterizedTest
  @MethodSource("byteArrays")
  void arbitraryBytesAreAcceptedOrCleanlyRejectedByEveryParser(byte[] bytes, String mediaType) {
    // when
    Outcome outcome = target().run(new FuzzInput(0, "random-bytes", mediaType, bytes));

    // then
    assertThat(outcome).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @ParameterizedTest
  @MethodSource("texts")
  void arbitraryTextIsAcceptedOrCleanlyRejectedByEveryParser(String text, String mediaType) {
    // when
    Outcome outcome = target().run(new FuzzInput(0, "random-text", mediaType, text.getBytes(StandardCharsets.UTF_8)));

    // then
    assertThat(outcome).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  static Stream<Arguments> iterations() {
    Random random = new Random(19);
    return IntStream.range(0, 1500).mapToObj(i -> Arguments.of(random.nextLong(), (long) random.nextInt(10_000_000)));
  }

  static Stream<Arguments> byteArrays() {
    Random random = new Random(20);
    return IntStream.range(0, 1500).mapToObj(i -> {
      byte[] bytes = new byte[random.nextInt(2049)];
      random.nextBytes(bytes);
      return Arguments.of(bytes, mediaType(random));
    });
  }

  static Stream<Arguments> texts() {
    Random random = new Random(21);
    return IntStream.range(0, 500).mapToObj(i -> {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(4097); n > 0; n--) {
        text.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(0xFFFF)));
      }
      return Arguments.of(text.toString(), mediaType(random));
    });
  }

  private static String mediaType(Random random) {
    return InputGenerator.MEDIA_TYPES.get(random.nextInt(InputGenerator.MEDIA_TYPES.size()));
  }
}

package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.Enricher;
import io.newsflow.enrich.Enrichment;
import io.newsflow.launcher.fuzz.FuzzInput;
import io.newsflow.launcher.fuzz.FuzzTarget;
import io.newsflow.launcher.fuzz.InputGenerator;
import io.newsflow.launcher.fuzz.Outcome;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The short, CI-sized variant of {@code bin/newsflow fuzz}: generated, mutated and hostile inputs, and arbitrary
 * bytes, through every parser and the enrichment are either accepted or cleanly rejected.
 */
class ParserFuzzTest {

  private static Enricher enricher;

  private static synchronized FuzzTarget target() {
    if (enricher == null) {
      enricher = Enrichment.standard();
    }
    return new FuzzTarget(enricher);
  }

  @Property(tries = 1500)
  void generatedInputsAreAcceptedOrCleanlyRejected(@ForAll long seed, @ForAll @LongRange(min = 0, max = 10_000_000) long iteration) {
    // given
    FuzzInput input = new InputGenerator(seed, List.of()).generate(iteration);

    // when
    Outcome outcome = target().run(input);

    // then
    assertThat(outcome).as(input.describe()).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @Property(tries = 1500)
  void arbitraryBytesAreAcceptedOrCleanlyRejectedByEveryParser(@ForAll @Size(max = 2048) byte[] bytes,
                                                               @ForAll("mediaTypes") String mediaType) {
    // when
    Outcome outcome = target().run(new FuzzInput(0, "jqwik-bytes", mediaType, bytes));

    // then
    assertThat(outcome).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @Property(tries = 500)
  void arbitraryTextIsAcceptedOrCleanlyRejectedByEveryParser(@ForAll @Size(max = 4096) String text,
                                                             @ForAll("mediaTypes") String mediaType) {
    // when
    Outcome outcome = target().run(new FuzzInput(0, "jqwik-text", mediaType,
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    // then
    assertThat(outcome).isIn(Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @Provide
  Arbitrary<String> mediaTypes() {
    return Arbitraries.of(InputGenerator.MEDIA_TYPES);
  }
}

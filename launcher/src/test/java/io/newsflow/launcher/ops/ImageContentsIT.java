package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The image copies the launcher's runtime classpath ({@code target/lib} after {@code mvn package}); it must
 * carry the model files enrich uses, never the 474 MB CoreNLP models jar nor benchmark-only libraries.
 */
class ImageContentsIT {

  @Test
  void theRuntimeClasspathHoldsNoModelsJarAndNoBenchmarkLibraries() throws IOException {
    // given
    Path lib = RepoFiles.root().resolve("launcher/target/lib");

    // when
    List<String> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
    }

    // then
    assertThat(jars).as("launcher/target/lib").isNotEmpty()
        .anySatisfy(j -> assertThat(j).startsWith("newsflow-enrich-"))
        .noneSatisfy(j -> assertThat(j).contains("-models"))
        .noneSatisfy(j -> assertThat(j).startsWith("jmh-"));
  }
}

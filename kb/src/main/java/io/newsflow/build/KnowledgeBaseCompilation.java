package io.newsflow.build;

import io.newsflow.kb.KnowledgeBaseCompiler;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The kb module's build step that compiles the shipped rows into {@code newsflow-kb.bin} (exec-maven-plugin, phase
 * {@code process-classes}); the compiler itself is {@link KnowledgeBaseCompiler}. It is a build tool, not part of the
 * library: the kb jar leaves this package out (kb/pom.xml), so no library ships a main. Fails with an exception,
 * never {@code System.exit}: it runs inside Maven's JVM.
 */
public final class KnowledgeBaseCompilation {

  private KnowledgeBaseCompilation() {}

  /** Arguments: the rows ({@code .tsv} or {@code .tsv.gz}), the supplement, the output file. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("Usage: KnowledgeBaseCompilation <kb.tsv[.gz]> <supplement.tsv> <out.bin>");
    }
    System.out.println(KnowledgeBaseCompiler.compile(Path.of(args[0]), Path.of(args[1]), Path.of(args[2])));
  }
}

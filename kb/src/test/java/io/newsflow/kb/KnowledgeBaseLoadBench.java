package io.newsflow.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Load time and retained heap of a knowledge base, the hash-map loader ({@link ReferenceKnowledgeBase}) beside
 * the compiled tables, measured in one JVM, and the cost of a name lookup in each. The tables are compiled from the
 * rows first and read from a deflated jar entry, as a service reads them. Writes
 * {@code bench/results/kb-load-<date>-<identities in thousands>k.json}. Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl kb test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/kb-cp.txt
 * java -Xmx2g -cp kb/target/classes:kb/target/test-classes:$(cat /tmp/kb-cp.txt) \
 *     io.newsflow.kb.KnowledgeBaseLoadBench [rows.tsv.gz (the shipped ones)] [repetitions (5)]
 * </pre>
 *
 * <p>Retained heap is the heap in use after {@code System.gc()} with the loaded base held, less the same before
 * loading; each figure is the median of the repetitions.
 */
public final class KnowledgeBaseLoadBench {

  private static final Path SHIPPED_ROWS = Path.of("kb/src/main/resources/kb/newsflow-kb.tsv.gz");
  private static final Path SUPPLEMENT = Path.of("kb/src/main/resources/kb/supplement.tsv");
  private static final int LOOKUPS = 100_000;

  private KnowledgeBaseLoadBench() {}

  private record Sample(long millis, long retainedBytes) {}

  public static void main(String[] args) throws Exception {
    Path rows = args.length > 0 ? Path.of(args[0]) : SHIPPED_ROWS;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String loadBefore = loadAverage();

    Path dir = Files.createTempDirectory("kb-load-bench");
    Path bin = dir.resolve("newsflow-kb.bin");
    long started = System.nanoTime();
    KnowledgeBaseCompiler.compile(rows, SUPPLEMENT, bin);
    long compileMillis = (System.nanoTime() - started) / 1_000_000;
    Path jar = jarWith(bin, dir.resolve("kb.jar"));

    List<Sample> reference = new ArrayList<>();
    List<Sample> compact = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      reference.add(measure(() -> loadReference(rows)));
      compact.add(measure(() -> loadCompiled(jar)));
    }

    ReferenceKnowledgeBase hashMaps = loadReference(rows);
    KnowledgeBase tables = loadCompiled(jar);
    List<String> keys = new ArrayList<>(hashMaps.nameKeys());
    Collections.sort(keys);
    Collections.shuffle(keys, new Random(42));
    // copies, as a caller's keys are (Names.key makes each): the maps' own key objects would compare by identity
    keys = keys.subList(0, Math.min(LOOKUPS, keys.size())).stream().map(k -> new String(k.toCharArray())).toList();
    double[] nanos = nanosPerLookup(keys, 2 * repetitions + 1, k -> hashMaps.byKey(k).size(),
        k -> tables.byKey(k).size(), k -> touch(hashMaps.byKey(k)), k -> touch(tables.byKey(k)));
    double referenceLookup = nanos[0];
    double compactLookup = nanos[1];
    double referenceRead = nanos[2];
    double compactRead = nanos[3];

    Map<String, Object> base = new LinkedHashMap<>();
    base.put("rows", rows.toString());
    base.put("rowsBytes", Files.size(rows));
    base.put("identities", tables.size());
    base.put("officeTerms", tables.terms().size());
    base.put("nameKeys", hashMaps.nameKeys().size());
    base.put("compiledBytes", Files.size(bin));
    base.put("compiledJarEntryBytes", Files.size(jar));
    base.put("compileMillis", compileMillis);

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("bench", "kb-load");
    result.put("date", Instant.now().toString());
    result.put("commit", git("rev-parse", "HEAD"));
    result.put("uncommittedChangesInKb", !git("status", "--porcelain", "--", "kb").isEmpty());
    result.put("command", command(args));
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("nproc", Runtime.getRuntime().availableProcessors());
    machine.put("loadAverageBefore", loadBefore);
    machine.put("loadAverageAfter", loadAverage());
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
    result.put("machine", machine);
    result.put("base", base);
    result.put("repetitions", repetitions);
    result.put("hashMapLoader", figures(reference, referenceLookup, referenceRead));
    result.put("compiledTables", figures(compact, compactLookup, compactRead));
    result.put("note", "load: rows (gzip) parsed into hash maps vs compiled tables read from a deflated jar entry;"
        + " retained: heap used after System.gc() with the base held, less before; medians; lookup: byKey of "
        + keys.size() + " name keys in random order (size of the list only), read: the same reading every entry's"
        + " id (making the entries the tables do not hold)");

    long thousands = Math.round(tables.size() / 1000.0);
    Path out = Path.of("bench/results", "kb-load-" + LocalDate.now() + "-" + thousands + "k.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json(result, "") + "\n");
    System.out.printf("%s: %,d identities; hash maps %d ms, %.1f MB, %.0f/%.0f ns per lookup/and read; compiled"
            + " tables %d ms, %.1f MB, %.0f/%.0f ns -> %s%n", rows, tables.size(), median(reference, Sample::millis),
        median(reference, Sample::retainedBytes) / 1e6, referenceLookup, referenceRead, median(compact, Sample::millis),
        median(compact, Sample::retainedBytes) / 1e6, compactLookup, compactRead, out);
    Reference.reachabilityFence(hashMaps);
    Reference.reachabilityFence(tables);
    for (Path file : List.of(jar, bin, dir)) {
      Files.delete(file);
    }
  }

  private static ReferenceKnowledgeBase loadReference(Path rows) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(rows), 1 << 16);
         InputStream supplement = Files.newInputStream(SUPPLEMENT)) {
      return ReferenceKnowledgeBase.load(in, supplement);
    }
  }

  /** Reads the tables as {@link KnowledgeBase#loadDefault} reads them from the kb jar. */
  private static KnowledgeBase loadCompiled(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile());
         InputStream in = zip.getInputStream(zip.getEntry(KnowledgeBase.COMPILED))) {
      return new KnowledgeBase(KbTables.read(in.readAllBytes(), jar.toString()));
    }
  }

  private static Path jarWith(Path bin, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(KnowledgeBase.COMPILED));
      Files.copy(bin, zip);
      zip.closeEntry();
    }
    return jar;
  }

  private static Sample measure(Callable<Object> load) throws Exception {
    long before = usedAfterGc();
    long started = System.nanoTime();
    Object loaded = load.call();
    long millis = (System.nanoTime() - started) / 1_000_000;
    long after = usedAfterGc();
    Reference.reachabilityFence(loaded);
    return new Sample(millis, after - before);
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private interface Lookup {
    int apply(String key);
  }

  /**
   * Median over passes of the time per lookup of each way of looking up, taking turns in every pass so that a
   * busy spell on the shared machine falls on all of them; the first pass warms up and is not counted.
   */
  private static double[] nanosPerLookup(List<String> keys, int passes, Lookup... lookups) {
    long[][] nanos = new long[lookups.length][passes];
    int sink = 0;
    for (int pass = -1; pass < passes; pass++) {
      for (int way = 0; way < lookups.length; way++) {
        long started = System.nanoTime();
        for (String key : keys) {
          sink += lookups[way].apply(key);
        }
        if (pass >= 0) {
          nanos[way][pass] = System.nanoTime() - started;
        }
      }
    }
    if (sink == 42) {
      System.out.print(""); // keeps the lookups from being optimised away
    }
    double[] medians = new double[lookups.length];
    for (int way = 0; way < lookups.length; way++) {
      Arrays.sort(nanos[way]);
      medians[way] = nanos[way][passes / 2] / (double) keys.size();
    }
    return medians;
  }

  private static int touch(List<KbEntry> entries) {
    int length = 0;
    for (KbEntry e : entries) {
      length += e.id().length();
    }
    return length;
  }

  private static Map<String, Object> figures(List<Sample> samples, double nanosPerLookup, double nanosPerRead) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("medianLoadMillis", median(samples, Sample::millis));
    figures.put("medianRetainedMB", Math.round(median(samples, Sample::retainedBytes) / 1e5) / 10.0);
    figures.put("loadMillis", samples.stream().map(Sample::millis).toList());
    figures.put("retainedBytes", samples.stream().map(Sample::retainedBytes).toList());
    figures.put("byKeyNanosPerLookup", Math.round(nanosPerLookup));
    figures.put("byKeyNanosPerLookupAndRead", Math.round(nanosPerRead));
    return figures;
  }

  private static long median(List<Sample> samples, ToLongFunction<Sample> figure) {
    long[] values = samples.stream().mapToLong(figure).sorted().toArray();
    return values[values.length / 2];
  }

  private static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return git.waitFor() == 0 ? out : "unknown (" + out + ")";
  }

  private static String command(String[] args) {
    return "java " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
        + " -cp kb/target/classes:kb/target/test-classes:<kb test classpath> " + KnowledgeBaseLoadBench.class.getName()
        + (args.length == 0 ? "" : " " + String.join(" ", args));
  }

  /** Maps, lists, strings, numbers and booleans as indented JSON. */
  private static String json(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      List<String> fields = new ArrayList<>();
      map.forEach((k, v) -> fields.add(indent + "  " + json(k.toString(), "") + ": " + json(v, indent + "  ")));
      return "{\n" + String.join(",\n", fields) + "\n" + indent + "}";
    }
    if (value instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(v -> json(v, indent)).toList()) + "]";
    }
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
    return String.valueOf(value);
  }
}

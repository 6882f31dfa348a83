package io.newsflow.bench.profile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/newsflow bench profile FILE.jfr}: the hot methods of a flight recording, from its execution samples:
 * where the CPU went (self) and which of the project's or libraries' methods it went under (total).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
    description = "Summarise a JFR recording (e.g. from NEWSFLOW_JAVA_OPTS=-XX:StartFlightRecording=filename=x.jfr) by top frames.")
public final class ProfileCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The .jfr recording")
  Path file;

  @Option(names = "--top", defaultValue = "20", description = "Methods listed (default ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--thread", description = "Only samples of threads whose name contains this")
  String thread;

  @Option(names = "--under", description = "Only samples with a frame of a method starting with this on the stack, e.g. io.newsflow.enrich.")
  String under;

  @Option(names = "--package", defaultValue = "io.newsflow.,edu.stanford.nlp.,com.optimaize.,org.apache.kafka.,com.fasterxml.,org.apache.avro.",
      split = ",", description = "Package prefixes the total-time table groups by (default ${DEFAULT-VALUE})")
  List<String> packages;

  @Override
  public Integer call() throws Exception {
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
        continue;
      }
      String threadName = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
      if (thread != null && (threadName == null || !threadName.contains(thread))) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      if (under != null && stack.getFrames().stream().noneMatch(f -> name(f).startsWith(under))) {
        continue;
      }
      samples++;
      threads.merge(String.valueOf(threadName).replaceAll("-\\d+$|[0-9a-f]{8}-[0-9a-f-]{27,}", "*"), 1, Integer::sum);
      self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : stack.getFrames()) {
        String method = name(frame);
        if (packages.stream().anyMatch(method::startsWith) && seen.add(method)) {
          total.merge(method, 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d execution samples in %s%n%n", samples, file);
    print("self (the method on CPU)", self, samples);
    print("total (samples with the method on the stack, packages " + String.join(" ", packages) + ")", total, samples);
    print("threads", threads, samples);
    return 0;
  }

  private void print(String title, Map<String, Integer> counts, int samples) {
    System.out.println(title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(samples, 1),
            e.getValue(), e.getKey()));
    System.out.println();
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}

package io.newsflow.bench.measure;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The facts a result means nothing without: hardware, JVM, OS, and the code that was measured. */
public record Machine(int cores, String cpuModel, long memoryBytes, String os, String jvm, long maxHeapBytes,
                      List<String> jvmArguments, String gitCommit, boolean gitDirty, double loadAverageAtStart) {

  public static Machine describe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField(Path.of("/proc/cpuinfo"), "model name"),
        parseKilobytes(procField(Path.of("/proc/meminfo"), "MemTotal")) * 1024,
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory(),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        git("rev-parse", "HEAD"),
        !git("status", "--porcelain", "--untracked-files=no").isEmpty(),
        // other work on a shared machine inflates CPU time too (caches, SMT siblings): say how busy it was
        loadAverage());
  }

  /** The one-minute load average now. */
  public static double loadAverage() {
    return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
  }

  private static String procField(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "unknown";
  }

  private static long parseKilobytes(String value) {
    try {
      return Long.parseLong(value.split("\\s+")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A git answer about the working directory, or "" when there is no git or no repository. */
  private static String git(String... args) {
    try {
      String[] command = new String[args.length + 1];
      command[0] = "git";
      System.arraycopy(args, 0, command, 1, args.length);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}

package io.newsflow.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident set size of this process from {@code /proc/self/status} (Linux); -1 where it cannot be read. */
public final class ProcessMemory {

  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Peak resident set size since start or since the last {@link #resetPeak()}. */
  public static long peakRssBytes() {
    return statusKilobytes("VmHWM:") * 1024;
  }

  public static long rssBytes() {
    return statusKilobytes("VmRSS:") * 1024;
  }

  /** Resets the peak RSS (writes 5 to /proc/self/clear_refs, Linux 4.0+); false when the kernel refuses. */
  public static boolean resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  private static long statusKilobytes(String key) {
    try {
      List<String> lines = Files.readAllLines(STATUS);
      for (String line : lines) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}

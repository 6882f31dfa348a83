package io.newsflow.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** CPU time: of the calling thread (what a step costs) and of the whole process (what the JVM spends, GC and JIT included). */
public final class CpuClock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  static {
    if (THREADS.isCurrentThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
  }

  private CpuClock() {}

  public static long threadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  public static long processNanos() {
    return OS.getProcessCpuTime();
  }
}

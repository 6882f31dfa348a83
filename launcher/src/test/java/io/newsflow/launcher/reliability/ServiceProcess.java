package io.newsflow.launcher.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One newsflow service as an operating-system process (started from {@code bin/newsflow} or the broker main), its
 * output kept in a log file, so that a test can kill it with SIGKILL and start it again with the same settings.
 */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private Process process;
  private int starts;

  private ServiceProcess(String name, List<String> command, Map<String, String> env, Path log) {
    this.name = name;
    this.command = command;
    this.env = env;
    this.log = log;
  }

  /** The repository root: failsafe runs in {@code launcher/}, an IDE may run in the root. */
  static Path repoRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("bin/newsflow")) ? here : here.getParent();
  }

  /** {@code bin/newsflow <subcommand>} with the given environment on top of this process's environment. */
  static ServiceProcess newsflow(String subcommand, Map<String, String> env, Path logDir) {
    Path root = repoRoot();
    return new ServiceProcess(subcommand, List.of(root.resolve("bin/newsflow").toString(), subcommand), env,
        logDir.resolve(subcommand + ".log"));
  }

  /** The embedded broker in its own JVM ({@code io.newsflow.kafka.embedded.BrokerMain}). */
  static ServiceProcess broker(Map<String, String> env, Path logDir) {
    Path target = repoRoot().resolve("launcher/target");
    String classpath = target.resolve("newsflow-launcher.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    return new ServiceProcess("broker", List.of(javaBin(), "-Xmx512m", "-cp", classpath,
        "io.newsflow.kafka.embedded.BrokerMain"), env, logDir.resolve("broker.log"));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  ServiceProcess start() {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    starts++;
    return this;
  }

  /** SIGKILL: no shutdown hook, no flush, no commit; what a crash or an OOM killer does. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  int starts() {
    return starts;
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, then SIGKILL if the service does not stop in time. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(45, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

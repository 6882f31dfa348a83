package io.newsflow.launcher.commands;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.streams.StreamsRunner;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkService;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** One service alone, as a container runs it: configured only through the environment. */
public final class ServiceCommands {

  private static final Logger log = LoggerFactory.getLogger(ServiceCommands.class);

  private ServiceCommands() {}

  static void reportUnknown(Settings settings) {
    Set<String> unknown = settings.unknown(LauncherSettings.all());
    if (!unknown.isEmpty()) {
      log.warn("Unknown settings ignored (typos?): {}", unknown);
    }
  }

  private static String bootstrap(Settings settings) {
    return settings.get(IngestConfig.BOOTSTRAP);
  }

  /** Adds a named shutdown hook and blocks until the process is asked to stop. */
  private static void runUntilStopped(String name, AutoCloseable service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping {}", name);
      try {
        service.close();
      } catch (Exception e) {
        log.error("{} did not close cleanly", name, e);
      }
      stopped.countDown();
    }, name + "-shutdown"));
    stopped.await();
  }

  /** A Streams service ends the process non-zero when its client dies, rather than hanging unready. */
  private static int runStreams(String name, AutoCloseable service, StreamsRunner streams) throws Exception {
    Thread watcher = new Thread(() -> {
      try {
        if (streams.awaitStop()) {
          log.error("{} stopped after a fatal error; exiting", name);
          Runtime.getRuntime().halt(70);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name + "-watch");
    watcher.setDaemon(true);
    watcher.start();
    runUntilStopped(name, service);
    return 0;
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run the ingest service alone.")
  public static final class Ingest implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Settings settings = LauncherSettings.fromEnvironment();
      reportUnknown(settings);
      runUntilStopped("ingest", IngestService.start(IngestConfig.from(settings)));
      return 0;
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true, description = "Run the enrich service alone.")
  public static final class Enrich implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Settings settings = LauncherSettings.fromEnvironment();
      reportUnknown(settings);
      EnrichService service = EnrichService.start(EnrichConfig.from(settings, bootstrap(settings)), Enrichment.standard());
      return runStreams("enrich", service, service.streams());
    }
  }

  @Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the sink service alone.")
  public static final class Sink implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Settings settings = LauncherSettings.fromEnvironment();
      reportUnknown(settings);
      SinkService service = SinkService.start(SinkConfig.from(settings, bootstrap(settings)));
      return runStreams("sink", service, service.streams());
    }
  }
}

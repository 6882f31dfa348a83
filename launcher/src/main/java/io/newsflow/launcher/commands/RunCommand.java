package io.newsflow.launcher.commands;

import io.newsflow.enrich.Enrichment;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.launcher.Pipeline;
import io.newsflow.platform.config.Settings;
import io.newsflow.launcher.Readiness;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code bin/newsflow run}: the whole pipeline in one process, on an embedded broker unless a cluster is configured. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline: embedded Kafka (unless KAFKA_BOOTSTRAP_SERVERS is set), ingest, enrich, sink.")
public final class RunCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    Settings settings = LauncherSettings.fromEnvironment();
    ServiceCommands.reportUnknown(settings);
    Path dataDir = settings.getPath(LauncherSettings.DATA_DIR).toAbsolutePath();
    Files.createDirectories(dataDir);
    log.info("Data kept in {} (set NEWSFLOW_DATA_DIR to move it; delete it to start empty)", dataDir);

    Map<String, String> env = new HashMap<>(System.getenv());
    if (!settings.isSet(IngestConfig.API_TOKENS.name()) && !settings.isSet(IngestConfig.API_TOKENS_FILE.name())) {
      env.put(IngestConfig.API_TOKENS.name(), "local:" + localToken(dataDir));
      log.info("No NEWSFLOW_API_TOKENS set: source 'local' may write with the token in {}", tokenFile(dataDir));
    }
    Pipeline pipeline = Pipeline.start(env, dataDir, settings.getInt(LauncherSettings.EMBEDDED_KAFKA_PORT), Enrichment::standard);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("Stopping the pipeline");
      pipeline.close();
      stop.countDown();
    }, "newsflow-shutdown"));
    // "ready" only once ingest, enrich and sink all say so: a client started then finds every service answering
    new Readiness(pipeline.readinessUrls()).await(Duration.ofDays(365), Duration.ofSeconds(10),
        waiting -> log.info("Waiting for {} to be ready", waiting));
    log.info("newsflow ready in {} ms: POST wire copy to http://localhost:{}/v1/articles",
        (System.nanoTime() - started) / 1_000_000, pipeline.ingestPort());
    stop.await();
    return 0;
  }

  static Path tokenFile(Path dataDir) {
    return dataDir.resolve("api-token");
  }

  /** The local run's token, created once and kept with the data so clients on this machine find it. */
  private static String localToken(Path dataDir) throws java.io.IOException {
    Path file = tokenFile(dataDir);
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    Files.writeString(file, token);
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      log.debug("No POSIX permissions on this file system");
    }
    return token;
  }
}

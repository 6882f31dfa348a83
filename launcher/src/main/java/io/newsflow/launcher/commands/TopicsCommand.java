package io.newsflow.launcher.commands;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.LauncherSettings;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code bin/newsflow topics}: creates the catalogue's missing topics on the configured cluster and exits,
 * the one-shot step before the services start (the compose file's {@code topics} service). Existing topics
 * are left as they are.
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "Create the missing topics on KAFKA_BOOTSTRAP_SERVERS with NEWSFLOW_PARTITIONS partitions "
        + "and NEWSFLOW_REPLICATION_FACTOR replicas, then exit.")
public final class TopicsCommand implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(TopicsCommand.class);

  @Override
  public Integer call() {
    Settings settings = LauncherSettings.fromEnvironment();
    ServiceCommands.reportUnknown(settings);
    createTopics(settings);
    return 0;
  }

  /** Creates the missing topics as the environment says; what {@code call} does, callable from tests. */
  public static void createTopics(Settings settings) {
    String bootstrap = settings.get(IngestConfig.BOOTSTRAP);
    int partitions = settings.getInt(LauncherSettings.PARTITIONS);
    short replication = (short) settings.getInt(LauncherSettings.REPLICATION);
    log.info("Creating missing topics on {}: {} partitions, replication {}", bootstrap, partitions,
        replication > 0 ? replication : "broker default");
    TopicAdmin.createTopics(KafkaSettings.common(settings, bootstrap), partitions, replication);
  }
}

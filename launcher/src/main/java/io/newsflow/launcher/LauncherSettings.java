package io.newsflow.launcher;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.sink.SinkConfig;
import java.util.ArrayList;
import java.util.List;

/** Settings of the launcher itself, and the catalogue of every setting any service reads. */
public final class LauncherSettings {

  public static final Setting DATA_DIR = new Setting("NEWSFLOW_DATA_DIR", "data",
      "Where bin/newsflow run keeps the embedded broker's data, Streams state and the local API token");
  public static final Setting EMBEDDED_KAFKA_PORT = new Setting("NEWSFLOW_EMBEDDED_KAFKA_PORT", "9092",
      "Port of the embedded broker that bin/newsflow run starts when KAFKA_BOOTSTRAP_SERVERS is unset (controller: next port)");
  public static final Setting PARTITIONS = new Setting("NEWSFLOW_PARTITIONS", "3",
      "Partitions of each topic created at start: the most instances of enrich or sink that can share the work");
  public static final Setting REPLICATION = new Setting("NEWSFLOW_REPLICATION_FACTOR", "-1",
      "Replication factor of the topics created at start; -1 takes the broker default");
  public static final Setting INGEST_URL = new Setting("NEWSFLOW_INGEST_URL", "http://localhost:8080",
      "Ingest API that bin/newsflow post, subscribe and ingest-dir talk to");
  public static final Setting SINK_URL = new Setting("NEWSFLOW_SINK_URL", "http://localhost:8082",
      "Sink API that bin/newsflow subscribe talks to");
  public static final Setting API_TOKEN = new Setting("NEWSFLOW_API_TOKEN", "",
      "Token the command-line clients send; defaults to the first of NEWSFLOW_API_TOKENS, else the local run's token file");
  public static final Setting LOG_FORMAT = new Setting("NEWSFLOW_LOG_FORMAT", "text",
      "text (readable, for a terminal) or json (one JSON object per line, for containers)");
  public static final Setting JAVA_OPTS = new Setting("NEWSFLOW_JAVA_OPTS", "-Xmx2g",
      "JVM options bin/newsflow starts Java with");

  public static final List<Setting> LAUNCHER = List.of(DATA_DIR, EMBEDDED_KAFKA_PORT, PARTITIONS, REPLICATION,
      INGEST_URL, SINK_URL, API_TOKEN, LOG_FORMAT, JAVA_OPTS);

  private LauncherSettings() {}

  /** Every setting of every service, for the unknown-variable check and the README table. */
  public static List<Setting> all() {
    List<Setting> all = new ArrayList<>(LAUNCHER);
    all.add(IngestConfig.BOOTSTRAP);
    all.addAll(IngestConfig.SETTINGS);
    all.addAll(EnrichConfig.SETTINGS);
    all.addAll(SinkConfig.SETTINGS);
    return all;
  }

  public static Settings fromEnvironment() {
    return Settings.from(System.getenv());
  }
}

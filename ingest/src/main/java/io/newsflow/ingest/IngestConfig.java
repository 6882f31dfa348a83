package io.newsflow.ingest;

import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Settings of the ingest service, read from the environment.
 *
 * @param port            HTTP port of the ingest API
 * @param maxBodyBytes    largest request accepted
 * @param apiTokens       {@code source:token} pairs; the source recorded on an article is its token's
 * @param ackTimeout      how long a request waits for Kafka's acknowledgement before answering 503
 * @param producer        Kafka producer properties
 * @param consumer        Kafka client properties for following {@code news.stories}
 * @param limits          article and batch limits
 * @param feeds           feeds to poll
 * @param dropFolder      directory to watch, or null
 */
public record IngestConfig(int port, long maxBodyBytes, String apiTokens, Duration ackTimeout, Properties producer,
                           Properties consumer, Limits limits, Feeds feeds, DropFolder dropFolder) {

  public static final Setting PORT = new Setting("NEWSFLOW_INGEST_PORT", "8080", "HTTP port of the ingest API");
  public static final Setting MAX_BODY = new Setting("NEWSFLOW_INGEST_MAX_BODY_BYTES", "2097152",
      "Largest request body accepted (bytes); larger requests get 413");
  public static final Setting MAX_ARTICLE = new Setting("NEWSFLOW_INGEST_MAX_ARTICLE_BYTES", "2097152",
      "Largest article (headline and body, UTF-8 bytes); larger articles are rejected with 413");
  public static final Setting MAX_BATCH = new Setting("NEWSFLOW_INGEST_MAX_BATCH_ITEMS", "1000",
      "Most articles in one POST /v1/articles:batch; more get 413");
  public static final Setting API_TOKENS = new Setting("NEWSFLOW_API_TOKENS", "",
      "Write credentials as source:token pairs, comma-separated; the source recorded on an article is its token's");
  public static final Setting API_TOKENS_FILE = new Setting("NEWSFLOW_API_TOKENS_FILE", "",
      "File holding NEWSFLOW_API_TOKENS (a Docker or Kubernetes secret); wins over the variable");
  public static final Setting ACK_TIMEOUT = new Setting("NEWSFLOW_INGEST_ACK_TIMEOUT", "10s",
      "How long a request waits for Kafka to acknowledge before answering 503");
  /** Removed: ingest keeps no memory of its own (news.stories); still known so that old deployments start. */
  public static final Setting DEDUP_MAX_STORIES = new Setting("NEWSFLOW_INGEST_DEDUP_MAX_STORIES", "",
      "Removed, ignored: ingest keeps no memory of accepted stories; it follows news.stories");
  /** Removed: ingest no longer reads news.raw at start. */
  public static final Setting RESTORE = new Setting("NEWSFLOW_INGEST_RESTORE", "",
      "Removed, ignored: ingest no longer reads news.raw at start");
  /** Removed with {@link #RESTORE}. */
  public static final Setting RESTORE_TIMEOUT = new Setting("NEWSFLOW_INGEST_RESTORE_TIMEOUT", "",
      "Removed, ignored: ingest no longer reads news.raw at start");
  public static final Setting FEEDS = new Setting("NEWSFLOW_INGEST_FEEDS", "",
      "Feeds to poll, comma-separated source=url pairs (RSS, Atom, ninjs or NewsML-G2 URLs); empty: no polling");
  public static final Setting FEED_INTERVAL = new Setting("NEWSFLOW_INGEST_FEED_INTERVAL", "60s",
      "How often each feed is polled (conditional GET with ETag / If-Modified-Since)");
  public static final Setting FEED_MAX_BACKOFF = new Setting("NEWSFLOW_INGEST_FEED_MAX_BACKOFF", "15m",
      "Longest wait between polls of a failing feed; the wait doubles per failure from the interval");
  public static final Setting FEED_TIMEOUT = new Setting("NEWSFLOW_INGEST_FEED_TIMEOUT", "20s",
      "Connect and response timeout of one feed request");
  public static final Setting DROP_DIR = new Setting("NEWSFLOW_INGEST_DROP_DIR", "",
      "Directory watched for wire copy files (moved to done/ or failed/ after ingest); empty: no drop folder");
  public static final Setting DROP_SOURCE = new Setting("NEWSFLOW_INGEST_DROP_SOURCE", "dropfolder",
      "Source recorded on articles from the drop folder");
  public static final Setting DROP_INTERVAL = new Setting("NEWSFLOW_INGEST_DROP_INTERVAL", "2s",
      "How often the drop folder is scanned; a file is read once its size is unchanged over two scans");
  public static final Setting BOOTSTRAP = new Setting("KAFKA_BOOTSTRAP_SERVERS", KafkaSettings.DEFAULT_BOOTSTRAP,
      "Kafka cluster; without it bin/newsflow run starts an embedded broker");

  public static final List<Setting> SETTINGS = List.of(PORT, MAX_BODY, MAX_ARTICLE, MAX_BATCH, API_TOKENS,
      API_TOKENS_FILE, ACK_TIMEOUT, DEDUP_MAX_STORIES, RESTORE, RESTORE_TIMEOUT, FEEDS, FEED_INTERVAL,
      FEED_MAX_BACKOFF, FEED_TIMEOUT, DROP_DIR, DROP_SOURCE, DROP_INTERVAL);

  /** The skeleton's settings with the defaults of everything added since. */
  public IngestConfig(int port, long maxBodyBytes, String apiTokens, Duration ackTimeout, Properties producer) {
    this(port, maxBodyBytes, apiTokens, ackTimeout, producer, consumerFrom(producer),
        new Limits(2L * 1024 * 1024, 1000),
        new Feeds(List.of(), Duration.ofSeconds(60), Duration.ofMinutes(15), Duration.ofSeconds(20)), null);
  }

  /** @param maxArticleBytes largest headline plus body; @param maxBatchItems most items in one batch */
  public record Limits(long maxArticleBytes, int maxBatchItems) {}

  /** One polled feed: the source recorded on its articles and its URL. */
  public record Feed(String source, URI url) {}

  public record Feeds(List<Feed> feeds, Duration interval, Duration maxBackoff, Duration timeout) {
    public Feeds {
      feeds = List.copyOf(feeds);
    }
  }

  public record DropFolder(Path dir, String source, Duration interval) {}

  public static IngestConfig from(Settings settings) {
    String tokens = settings.find(API_TOKENS).orElse("");
    String bootstrap = settings.get(BOOTSTRAP);
    DropFolder drop = settings.find(DROP_DIR)
        .map(dir -> new DropFolder(Path.of(dir), settings.get(DROP_SOURCE), settings.getDuration(DROP_INTERVAL)))
        .orElse(null);
    return new IngestConfig(
        settings.getInt(PORT),
        settings.getLong(MAX_BODY),
        tokens,
        settings.getDuration(ACK_TIMEOUT),
        KafkaSettings.producer(settings, bootstrap, "newsflow-ingest"),
        KafkaSettings.common(settings, bootstrap),
        new Limits(settings.getLong(MAX_ARTICLE), settings.getInt(MAX_BATCH)),
        new Feeds(feeds(settings.getList(FEEDS)), settings.getDuration(FEED_INTERVAL),
            settings.getDuration(FEED_MAX_BACKOFF), settings.getDuration(FEED_TIMEOUT)),
        drop);
  }

  /** {@code source=url} pairs; a bare URL is recorded under its host name. */
  static List<Feed> feeds(List<String> entries) {
    List<Feed> feeds = new ArrayList<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      boolean named = eq > 0 && !entry.substring(0, eq).contains(":");
      String url = named ? entry.substring(eq + 1).trim() : entry;
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(FEEDS.name() + ": '" + url + "' is not a URL");
      }
      if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
        throw new ConfigException(FEEDS.name() + ": '" + url + "' must be an http or https URL");
      }
      feeds.add(new Feed(named ? entry.substring(0, eq).trim() : uri.getHost(), uri));
    }
    return feeds;
  }

  /** Connection and security settings of the producer, without what only a producer understands. */
  private static Properties consumerFrom(Properties producer) {
    Properties consumer = new Properties();
    consumer.putAll(producer);
    for (String key : List.of("acks", "enable.idempotence", "compression.type", "linger.ms", "delivery.timeout.ms",
        "client.id", "batch.size", "max.in.flight.requests.per.connection", "retries")) {
      consumer.remove(key);
    }
    return consumer;
  }
}

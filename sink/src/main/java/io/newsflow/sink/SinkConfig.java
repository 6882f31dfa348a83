package io.newsflow.sink;

import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.sink.alerts.delivery.WebhookSettings;
import io.newsflow.sink.alerts.delivery.WebhookTargets;
import java.util.List;
import java.util.Properties;

/**
 * Settings of the sink service.
 *
 * @param httpPort         port of the subscriptions API, the alert stream, /health and /metrics
 * @param streams          Kafka Streams properties
 * @param apiTokens        {@code principal:token} pairs; the same credentials as ingest
 * @param webhooks         how alerts are delivered to webhooks
 * @param streamClients    most live alert streams (server-sent events) open at once
 * @param clients          properties common to the sink's own consumers
 * @param producer         properties of the sink's producers (subscriptions, dead letters)
 * @param deliveryGroup    consumer group of the webhook delivery
 * @param resolveEntities  whether entity names of new subscriptions are resolved to ids through enrich's dictionary
 * @param recentStories    stories kept per partition for the monitoring desk's story list
 * @param deskSession      how long a desk sign-in lasts without use
 */
public record SinkConfig(int httpPort, Properties streams, String apiTokens, WebhookSettings webhooks,
                         int streamClients, Properties clients, Properties producer, String deliveryGroup,
                         boolean resolveEntities, int recentStories, java.time.Duration deskSession) {

  public static final Setting HTTP_PORT = new Setting("NEWSFLOW_SINK_PORT", "8082",
      "Port of the sink's subscriptions API, alert stream, /health and /metrics");
  public static final Setting APPLICATION_ID = new Setting("NEWSFLOW_SINK_APPLICATION_ID", "newsflow-sink",
      "Kafka Streams application id of the sink; the webhook delivery group is <id>-webhooks");
  public static final Setting STATE_DIR = new Setting("NEWSFLOW_SINK_STATE_DIR", "/tmp/newsflow/sink",
      "Kafka Streams state directory of the sink");
  public static final Setting WEBHOOK_MAX_ATTEMPTS = new Setting("NEWSFLOW_SINK_WEBHOOK_MAX_ATTEMPTS", "5",
      "Attempts to deliver one alert to a webhook before it goes to news.deadletter");
  public static final Setting WEBHOOK_BACKOFF = new Setting("NEWSFLOW_SINK_WEBHOOK_BACKOFF", "500ms",
      "Wait before the second webhook attempt; doubled before each further one");
  public static final Setting WEBHOOK_MAX_BACKOFF = new Setting("NEWSFLOW_SINK_WEBHOOK_MAX_BACKOFF", "30s",
      "Longest wait between two webhook attempts");
  public static final Setting WEBHOOK_TIMEOUT = new Setting("NEWSFLOW_SINK_WEBHOOK_TIMEOUT", "5s",
      "How long one webhook attempt may take");
  public static final Setting WEBHOOK_MAX_IN_FLIGHT = new Setting("NEWSFLOW_SINK_WEBHOOK_MAX_IN_FLIGHT", "1000",
      "Alerts being delivered or awaiting a retry at once; beyond that the delivery consumer waits");
  public static final Setting WEBHOOK_ALLOW = new Setting("NEWSFLOW_SINK_WEBHOOK_ALLOW", "",
      "Address ranges (CIDR, comma-separated) webhooks may reach although loopback, link-local, private or metadata; e.g. 127.0.0.0/8 for a local receiver");
  public static final Setting DELIVERY_LOG_SIZE = new Setting("NEWSFLOW_SINK_DELIVERY_LOG_SIZE", "50",
      "Webhook attempts kept per subscription for GET /v1/subscriptions/{id}/deliveries");
  public static final Setting STREAM_CLIENTS = new Setting("NEWSFLOW_SINK_ALERT_STREAM_CLIENTS", "8",
      "Most clients of GET /v1/alerts/stream at once");
  public static final Setting RESOLVE_ENTITIES = new Setting("NEWSFLOW_SINK_RESOLVE_ENTITIES", "true",
      "Resolve entity names of new subscriptions to Wikidata ids through enrich's entity dictionary (about 70 MB of heap); false: names match by name");

  public static final Setting RECENT_STORIES = new Setting("NEWSFLOW_SINK_RECENT_STORIES", "2000",
      "Stories kept per partition of news.enriched in the recent-stories store for the desk's story list (oldest dropped first)");
  public static final Setting DESK_SESSION = new Setting("NEWSFLOW_SINK_DESK_SESSION", "8h",
      "How long a sign-in to the monitoring desk (/desk/) lasts since its last use");

  /**
   * The API credentials, shared with ingest under the same names (the sink does not depend on ingest). Not in
   * {@link #SETTINGS}: ingest lists them already, and the configuration table shows each variable once.
   */
  public static final Setting API_TOKENS = new Setting("NEWSFLOW_API_TOKENS", "",
      "Credentials as principal:token pairs, comma-separated; shared by ingest and sink");
  public static final Setting API_TOKENS_FILE = new Setting("NEWSFLOW_API_TOKENS_FILE", "",
      "File holding NEWSFLOW_API_TOKENS; wins over the variable");

  public static final List<Setting> SETTINGS = List.of(HTTP_PORT, APPLICATION_ID, STATE_DIR, WEBHOOK_MAX_ATTEMPTS,
      WEBHOOK_BACKOFF, WEBHOOK_MAX_BACKOFF, WEBHOOK_TIMEOUT, WEBHOOK_MAX_IN_FLIGHT, WEBHOOK_ALLOW, DELIVERY_LOG_SIZE,
      STREAM_CLIENTS, RESOLVE_ENTITIES, RECENT_STORIES, DESK_SESSION);

  public static SinkConfig from(Settings settings, String bootstrap) {
    String tokens = settings.find(API_TOKENS).orElse("");
    String applicationId = settings.get(APPLICATION_ID);
    WebhookSettings webhooks = new WebhookSettings(settings.getInt(WEBHOOK_MAX_ATTEMPTS),
        settings.getDuration(WEBHOOK_BACKOFF), settings.getDuration(WEBHOOK_MAX_BACKOFF),
        settings.getDuration(WEBHOOK_TIMEOUT), settings.getInt(WEBHOOK_MAX_IN_FLIGHT),
        settings.getInt(DELIVERY_LOG_SIZE), WebhookTargets.allowing(settings.find(WEBHOOK_ALLOW).orElse("")));
    return new SinkConfig(settings.getInt(HTTP_PORT),
        KafkaSettings.streams(settings, bootstrap, applicationId, settings.get(STATE_DIR)),
        tokens, webhooks, settings.getInt(STREAM_CLIENTS),
        KafkaSettings.common(settings, bootstrap),
        KafkaSettings.producer(settings, bootstrap, applicationId + "-api"),
        applicationId + "-webhooks", settings.getBoolean(RESOLVE_ENTITIES),
        settings.getInt(RECENT_STORIES), settings.getDuration(DESK_SESSION));
  }
}

package io.newsflow.sink;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.http.TokenAuthenticator;
import io.newsflow.platform.metrics.Metrics;
import io.newsflow.platform.streams.StreamsRunner;
import io.newsflow.sink.alerts.delivery.AlertBroadcaster;
import io.newsflow.sink.alerts.delivery.AlertConsumer;
import io.newsflow.sink.alerts.delivery.DeliveryLog;
import io.newsflow.sink.alerts.delivery.WebhookDelivery;
import io.newsflow.sink.alerts.entities.EntityDictionary;
import io.newsflow.sink.alerts.matching.SubscriptionIndex;
import io.newsflow.sink.alerts.subscriptions.EntityResolver;
import io.newsflow.sink.http.AlertStreamApi;
import io.newsflow.sink.http.SubscriptionApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink service: index documents and alerts from enriched articles (one Streams topology), the
 * subscriptions API and the live alert stream over HTTP, and webhook delivery from {@code news.alerts} on its
 * own consumer, never on a stream thread.
 */
public final class SinkService implements AutoCloseable {

  /** The OpenAPI 3.1 description of the sink's API, served at {@code /openapi.json}. */
  public static final String OPENAPI = "openapi/sink.json";

  private static final Logger log = LoggerFactory.getLogger(SinkService.class);

  private final StreamsRunner streams;
  private final HttpService http;
  private final Producer<String, String> subscriptionWriter;
  private final Producer<byte[], byte[]> deadLetters;
  private final WebhookDelivery webhooks;
  private final AlertBroadcaster broadcaster;
  private final AlertStreamApi alertStream;
  private final AlertConsumer delivery;
  private final AlertConsumer live;

  private SinkService(StreamsRunner streams, HttpService http, Producer<String, String> subscriptionWriter,
                      Producer<byte[], byte[]> deadLetters, WebhookDelivery webhooks, AlertBroadcaster broadcaster,
                      AlertStreamApi alertStream, AlertConsumer delivery, AlertConsumer live) {
    this.alertStream = alertStream;
    this.streams = streams;
    this.http = http;
    this.subscriptionWriter = subscriptionWriter;
    this.deadLetters = deadLetters;
    this.webhooks = webhooks;
    this.broadcaster = broadcaster;
    this.delivery = delivery;
    this.live = live;
  }

  public static SinkService start(SinkConfig config) throws IOException {
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry metrics = Metrics.registry("sink");
    SubscriptionIndex subscriptions = new SubscriptionIndex();
    metrics.gauge("sink.subscriptions", subscriptions, SubscriptionIndex::size);
    StreamsRunner streams = new StreamsRunner("sink", new SinkTopology(subscriptions, clock, metrics).build(), config.streams(),
        metrics);
    Producer<String, String> subscriptionWriter =
        new KafkaProducer<>(config.producer(), new StringSerializer(), new StringSerializer());
    java.util.Properties deadLetterProps = new java.util.Properties();
    deadLetterProps.putAll(config.producer());
    deadLetterProps.put(ProducerConfig.CLIENT_ID_CONFIG, config.producer().get(ProducerConfig.CLIENT_ID_CONFIG) + "-deadletter");
    Producer<byte[], byte[]> deadLetters =
        new KafkaProducer<>(deadLetterProps, new ByteArraySerializer(), new ByteArraySerializer());
    DeliveryLog deliveryLog = new DeliveryLog(config.webhooks().logSize());
    WebhookDelivery webhooks = new WebhookDelivery(subscriptions, config.webhooks(), deadLetters, deliveryLog, clock, metrics);
    AlertBroadcaster broadcaster = new AlertBroadcaster(config.streamClients(), 1000, metrics);
    TokenAuthenticator tokens = TokenAuthenticator.parse(config.apiTokens());
    if (!tokens.hasTokens()) {
      log.warn("No API tokens configured (NEWSFLOW_API_TOKENS): the subscriptions API refuses every request");
    }
    HttpService.Builder routes = HttpService.builder("sink", new InetSocketAddress(config.httpPort()))
        .metrics(metrics)
        .health(streams::health)
        .authenticator(tokens)
        .maxBodyBytes(64 * 1024)
        .openApi(OPENAPI);
    EntityResolver entities = config.resolveEntities()
        ? EntityDictionary.loadInBackground(Duration.ofSeconds(20),
            () -> streams.state() == KafkaStreams.State.RUNNING)
        : EntityResolver.NONE;
    new SubscriptionApi(subscriptionWriter, subscriptions, deliveryLog, clock, Duration.ofSeconds(10), entities)
        .routes(routes);
    AlertStreamApi alertStream = new AlertStreamApi(broadcaster, subscriptions);
    alertStream.routes(routes);
    HttpService http = routes.build().start();
    // returns once the global subscriptions store is restored and the index rebuilt: delivery needs the webhooks
    streams.start();
    AlertConsumer delivery = AlertConsumer.grouped(config.clients(), config.deliveryGroup(), webhooks::submit).start();
    AlertConsumer live = AlertConsumer.live(config.clients(), broadcaster::publish).start();
    return new SinkService(streams, http, subscriptionWriter, deadLetters, webhooks, broadcaster, alertStream, delivery, live);
  }

  public StreamsRunner streams() {
    return streams;
  }

  /** Port of the HTTP API (useful when configured as 0, a free port). */
  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() {
    broadcaster.close();
    alertStream.close();
    http.stop(Duration.ofSeconds(1));
    live.close();
    delivery.close();
    webhooks.close();
    streams.close(Duration.ofSeconds(30));
    subscriptionWriter.close(Duration.ofSeconds(5));
    deadLetters.close(Duration.ofSeconds(5));
  }
}

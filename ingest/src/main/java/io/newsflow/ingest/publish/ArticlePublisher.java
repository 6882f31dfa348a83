package io.newsflow.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.logging.LogContext;
import io.newsflow.platform.metrics.ClientMetrics;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes raw articles to {@code news.raw}, keyed by story id, and returns only once Kafka acknowledged the
 * record (acks=all, idempotent producer): a client is told 202 only for what is durably stored.
 */
public final class ArticlePublisher implements AutoCloseable {

  private final Producer<String, RawArticle> producer;
  private final Duration ackTimeout;
  private final Counter acknowledged;
  private final KafkaClientMetrics clientMetrics;

  public ArticlePublisher(Properties producerProps, Duration ackTimeout) {
    this(producerProps, ackTimeout, new SimpleMeterRegistry());
  }

  /** Reports the producer's client metrics and the acknowledged-article count to {@code registry}. */
  public ArticlePublisher(Properties producerProps, Duration ackTimeout, MeterRegistry registry) {
    this(new KafkaProducer<>(producerProps, Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer()),
        ackTimeout, registry);
  }

  /** Over any producer; tests pass a {@code MockProducer}. */
  public ArticlePublisher(Producer<String, RawArticle> producer, Duration ackTimeout) {
    this(producer, ackTimeout, new SimpleMeterRegistry());
  }

  private ArticlePublisher(Producer<String, RawArticle> producer, Duration ackTimeout, MeterRegistry registry) {
    this.producer = producer;
    this.ackTimeout = ackTimeout;
    this.acknowledged = Counter.builder(MetricNames.ARTICLES_IN).register(registry);
    this.clientMetrics = ClientMetrics.bind(producer, registry);
  }

  /** Publishes and waits for the acknowledgement; throws {@link NotAcknowledgedException} when Kafka did not confirm. */
  public RecordMetadata publish(RawArticle article) {
    return awaitAck(send(article));
  }

  /** Sends without waiting, so a batch is sent together and then awaited with {@link #awaitAck}. */
  public Future<RecordMetadata> send(RawArticle article) {
    try {
      ProducerRecord<String, RawArticle> record = new ProducerRecord<>(Topics.RAW.name(), article.getId(), article);
      String traceId = article.getTraceId() != null ? article.getTraceId() : LogContext.currentOrNewTraceId();
      record.headers().add(LogContext.traceparent(traceId));
      return producer.send(record);
    } catch (KafkaException e) {
      // metadata or buffer timeouts surface here instead of in the future
      return CompletableFuture.failedFuture(e);
    }
  }

  public RecordMetadata awaitAck(Future<RecordMetadata> sent) {
    try {
      RecordMetadata metadata = sent.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
      acknowledged.increment();
      return metadata;
    } catch (ExecutionException e) {
      throw new NotAcknowledgedException("Kafka did not acknowledge: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new NotAcknowledgedException("Kafka did not acknowledge within " + ackTimeout.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotAcknowledgedException("Interrupted while waiting for Kafka", e);
    }
  }

  @Override
  public void close() {
    clientMetrics.close();
    producer.close(Duration.ofSeconds(10));
  }

  /** The article is not durably stored; the client should retry (HTTP 503). */
  public static final class NotAcknowledgedException extends RuntimeException {
    public NotAcknowledgedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

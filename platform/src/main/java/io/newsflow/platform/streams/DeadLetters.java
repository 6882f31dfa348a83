package io.newsflow.platform.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.metrics.MetricNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Dead-letter handlers: a record that cannot be read or processed goes to the dead-letter topic with its
 * original bytes and Kafka Streams' error headers ({@code __streams.errors.exception}, {@code .message},
 * {@code .topic}, {@code .partition}, {@code .offset}; KIP-1034), plus which service and step failed.
 * The stream goes on with the next record: a poison pill never stops it or loops. Each dead letter is counted
 * ({@link MetricNames#ARTICLES_DEADLETTERED}, tags {@code service} and {@code step}) in the registry given under
 * {@link #METRICS_CONFIG} in the Streams configuration ({@link StreamsRunner} puts its own there).
 */
public final class DeadLetters {

  /** Header naming the service (Streams application id) whose step failed. */
  public static final String SERVICE_HEADER = "newsflow.error.service";
  /** Header naming the failed step: the processor name, or {@code deserialize}. */
  public static final String STEP_HEADER = "newsflow.error.step";
  /** Streams configuration entry holding the {@link MeterRegistry} dead letters are counted in. */
  public static final String METRICS_CONFIG = "newsflow.metrics.registry";

  private DeadLetters() {}

  private static List<ProducerRecord<byte[], byte[]>> label(List<ProducerRecord<byte[], byte[]>> records,
                                                            String service, String step) {
    for (ProducerRecord<byte[], byte[]> record : records) {
      record.headers().add(SERVICE_HEADER, service.getBytes(StandardCharsets.UTF_8));
      record.headers().add(STEP_HEADER, step.getBytes(StandardCharsets.UTF_8));
    }
    return records;
  }

  private static String service(Map<String, ?> configs) {
    Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
    return id == null ? "unknown" : id.toString();
  }

  private static MeterRegistry registry(Map<String, ?> configs) {
    return configs.get(METRICS_CONFIG) instanceof MeterRegistry registry ? registry : new SimpleMeterRegistry();
  }

  private static void count(MeterRegistry registry, String service, String step, int records) {
    Counter.builder(MetricNames.ARTICLES_DEADLETTERED).tag("service", service).tag("step", step)
        .register(registry).increment(records);
  }

  /** For exceptions thrown inside a processor. */
  public static final class ProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private String service = "unknown";
    private MeterRegistry metrics = new SimpleMeterRegistry();

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      service = service(configs);
      metrics = registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      Response response = super.handleError(context, record, exception);
      List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
      count(metrics, service, context.processorNodeId(), letters.size());
      return Response.resume(label(letters, service, context.processorNodeId()));
    }
  }

  /** For records whose bytes cannot be deserialised. */
  public static final class DeserializationHandler extends LogAndContinueExceptionHandler {
    private String service = "unknown";
    private MeterRegistry metrics = new SimpleMeterRegistry();

    @Override
    public void configure(Map<String, ?> configs) {
      super.configure(configs);
      service = service(configs);
      metrics = registry(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      Response response = super.handleError(context, record, exception);
      List<ProducerRecord<byte[], byte[]>> letters = response.deadLetterQueueRecords();
      count(metrics, service, "deserialize", letters.size());
      return Response.resume(label(letters, service, "deserialize"));
    }
  }
}

package io.newsflow.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.metrics.MetricNames;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> in;
  private TestOutputTopic<String, String> out;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  @BeforeEach
  void startDriver() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("read"))
        .mapValues(v -> {
          if (v.startsWith("poison")) {
            throw new IllegalArgumentException("cannot digest " + v);
          }
          return v.toUpperCase();
        }, Named.as("shout"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("write"));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letters-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dead");
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetters.ProcessingHandler.class.getName());
    props.put(DeadLetters.METRICS_CONFIG, metrics);
    driver = new TopologyTestDriver(builder.build(), props);
    in = driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    out = driver.createOutputTopic("out", Serdes.String().deserializer(), Serdes.String().deserializer());
    deadLetters = driver.createOutputTopic("dead", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void deadLettersAndCountsAFailingRecordNamingServiceAndStepThenGoesOn() {
    // when a record fails in a step, between two good ones
    in.pipeInput("a", "first");
    in.pipeInput("b", "poison pill");
    in.pipeInput("c", "third");

    // then the stream went on
    assertThat(out.readValuesToList()).containsExactly("FIRST", "THIRD");

    // and the failed record is a dead letter naming the service and step, counted under both
    TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("poison pill");
    assertThat(header(letter, DeadLetters.SERVICE_HEADER)).isEqualTo("dead-letters-test");
    assertThat(header(letter, DeadLetters.STEP_HEADER)).isEqualTo("shout");
    assertThat(deadLetters.isEmpty()).isTrue();
    Counter counted = metrics.find(MetricNames.ARTICLES_DEADLETTERED)
        .tag("service", "dead-letters-test").tag("step", "shout").counter();
    assertThat(counted).isNotNull();
    assertThat(counted.count()).isEqualTo(1.0);
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}

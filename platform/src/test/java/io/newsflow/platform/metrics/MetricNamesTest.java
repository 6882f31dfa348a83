package io.newsflow.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names the services register are the names Prometheus and the dashboard see. */
class MetricNamesTest {

  @Test
  void registeredMetersAppearOnMetricsUnderTheirExposedNames() {
    // given
    PrometheusMeterRegistry registry = Metrics.registry("test");

    // when
    for (Map.Entry<String, String> meter : MetricNames.EXPOSED.entrySet()) {
      if (meter.getValue().endsWith("_seconds")) {
        Metrics.timer(registry, meter.getKey()).record(Duration.ofMillis(250));
      } else {
        Counter.builder(meter.getKey()).register(registry).increment();
      }
    }
    String scrape = registry.scrape();

    // then
    assertThat(MetricNames.EXPOSED).hasSize(8);
    assertThat(MetricNames.EXPOSED.values()).allSatisfy(name -> {
      String sample = name.endsWith("_seconds") ? name + "_count" : name;
      assertThat(scrape).containsPattern("(?m)^" + sample + "\\{[^}]*service=\"test\"[^}]*} 1(\\.0)?$");
      if (name.endsWith("_seconds")) {
        assertThat(scrape).as("histogram buckets for percentiles").contains(name + "_bucket{");
      }
    });
  }
}

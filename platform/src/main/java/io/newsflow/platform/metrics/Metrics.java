package io.newsflow.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** A Prometheus registry with the JVM binders every service reports, tagged with the service name. */
public final class Metrics {

  private Metrics() {}

  public static PrometheusMeterRegistry registry(String service) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  /**
   * A timer with histogram buckets (1 ms to 2 min), so Prometheus can compute percentiles across instances:
   * {@code histogram_quantile(0.95, sum by (le) (rate(newsflow_enrichment_seconds_bucket[5m])))}. Use it for
   * {@link MetricNames#ENRICHMENT} and {@link MetricNames#ALERT_LATENCY}.
   */
  public static Timer timer(MeterRegistry registry, String name, String... tags) {
    return Timer.builder(name)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(2))
        .tags(tags)
        .register(registry);
  }
}

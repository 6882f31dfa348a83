package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.launcher.Pipeline;
import io.newsflow.sink.SinkConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every service of the pipeline answers /health/live, /health/ready and /metrics. */
class HealthAndMetricsIT {

  @Test
  void everyServiceReportsHealthAndPrometheusMetrics(@TempDir Path dataDir) throws Exception {
    // given
    int enrichPort = OpsFixtures.freePort();
    int sinkPort = OpsFixtures.freePort();
    Map<String, String> env = Map.of(
        IngestConfig.PORT.name(), "0",
        IngestConfig.API_TOKENS.name(), OpsFixtures.TOKENS,
        EnrichConfig.HTTP_PORT.name(), String.valueOf(enrichPort),
        SinkConfig.HTTP_PORT.name(), String.valueOf(sinkPort));

    try (Pipeline pipeline = Pipeline.start(env, dataDir, 0, OpsFixtures::enricherWithoutModels)) {
      Map<String, Integer> ports = Map.of("ingest", pipeline.ingestPort(), "enrich", enrichPort, "sink", sinkPort);

      for (Map.Entry<String, Integer> service : ports.entrySet()) {
        String base = "http://localhost:" + service.getValue();

        // when
        HttpResponse<String> live = OpsFixtures.get(base + "/health/live");
        await(service.getKey() + " ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> OpsFixtures.get(base + "/health/ready").statusCode() == 200);
        HttpResponse<String> ready = OpsFixtures.get(base + "/health/ready");
        HttpResponse<String> metrics = OpsFixtures.get(base + "/metrics");

        // then
        assertThat(live.statusCode()).as("%s live", service.getKey()).isEqualTo(200);
        assertThat(OpsFixtures.json(live).path("status").asText()).isEqualTo("UP");
        assertThat(OpsFixtures.json(ready).path("service").asText()).isEqualTo(service.getKey());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
            .as("%s /metrics", service.getKey())
            .containsPattern("(?m)^jvm_memory_used_bytes\\{.*service=\"" + service.getKey() + "\"");
        if (!service.getKey().equals("ingest")) {
          // Kafka Streams client metrics, consumer lag among them
          assertThat(metrics.body()).containsPattern("(?m)^kafka_stream_thread_process_rate\\{")
              .containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{");
        }
      }
    }
  }
}

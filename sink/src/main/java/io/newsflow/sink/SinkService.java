package io.newsflow.sink;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.http.HttpService;
import io.newsflow.platform.metrics.Metrics;
import io.newsflow.platform.streams.StreamsRunner;
import io.newsflow.sink.index.IndexTopology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** The sink service: index documents (and alerts) from enriched articles. */
public final class SinkService implements AutoCloseable {

  private final StreamsRunner streams;
  private final HttpService http;

  private SinkService(StreamsRunner streams, HttpService http) {
    this.streams = streams;
    this.http = http;
  }

  public static SinkService start(SinkConfig config) throws IOException {
    PrometheusMeterRegistry metrics = Metrics.registry("sink");
    StreamsRunner streams = new StreamsRunner("sink", new IndexTopology().build(), config.streams(), metrics);
    HttpService http = HttpService.builder("sink", new InetSocketAddress(config.httpPort()))
        .metrics(metrics)
        .health(streams::health)
        .build()
        .start();
    streams.start();
    return new SinkService(streams, http);
  }

  public StreamsRunner streams() {
    return streams;
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    http.stop(Duration.ofSeconds(1));
  }
}

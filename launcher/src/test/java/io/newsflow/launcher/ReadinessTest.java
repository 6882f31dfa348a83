package io.newsflow.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.http.Health;
import io.newsflow.platform.http.HttpService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code bin/newsflow run} says "ready" only once every service's /health/ready answers 200. */
class ReadinessTest {

  private final AtomicBoolean sinkReady = new AtomicBoolean();
  private final HttpService ingest = service("ingest", () -> true);
  private final HttpService sink = service("sink", sinkReady::get);

  @AfterEach
  void stop() {
    ingest.stop(Duration.ZERO);
    sink.stop(Duration.ZERO);
  }

  @Test
  void isNotReadyWhileOneServiceIsNotAndNamesIt() throws Exception {
    Readiness readiness = new Readiness(List.of(ready(ingest), ready(sink), URI.create("http://127.0.0.1:1/health/ready")));

    assertThat(readiness.notReady()).containsExactly(ready(sink), URI.create("http://127.0.0.1:1/health/ready"));
    assertThat(readiness.await(Duration.ofMillis(600), Duration.ofMillis(100), w -> { })).isFalse();
  }

  @Test
  void returnsOnceTheLastServiceBecomesReady() throws Exception {
    Readiness readiness = new Readiness(List.of(ready(ingest), ready(sink)));
    List<List<URI>> reported = new ArrayList<>();
    CompletableFuture.runAsync(() -> sinkReady.set(true), CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

    boolean ready = readiness.await(Duration.ofSeconds(30), Duration.ofMillis(200), reported::add);

    assertThat(ready).isTrue();
    assertThat(sinkReady).isTrue();
    assertThat(reported).isNotEmpty().allSatisfy(waiting -> assertThat(waiting).containsExactly(ready(sink)));
    assertThat(readiness.notReady()).isEmpty();
  }

  private static HttpService service(String name, java.util.function.BooleanSupplier ready) {
    return HttpService.builder(name, new InetSocketAddress("127.0.0.1", 0))
        .health(() -> new Health(true, ready.getAsBoolean(), Map.of()))
        .build().start();
  }

  private static URI ready(HttpService service) {
    return URI.create("http://127.0.0.1:" + service.port() + "/health/ready");
  }
}

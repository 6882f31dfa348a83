package io.newsflow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Waits until every service answers 200 on its {@code /health/ready}. */
public final class Readiness {

  private static final Duration POLL = Duration.ofMillis(250);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<URI> urls;

  public Readiness(List<URI> urls) {
    this.urls = List.copyOf(urls);
  }

  /** The URLs not answering 200 now. */
  public List<URI> notReady() throws InterruptedException {
    List<URI> waiting = new ArrayList<>();
    for (URI url : urls) {
      try {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          waiting.add(url);
        }
      } catch (IOException e) {
        waiting.add(url);
      }
    }
    return waiting;
  }

  /**
   * Returns true once all are ready, false when {@code timeout} passed first; tells {@code progress} every
   * {@code every} which are still not ready.
   */
  public boolean await(Duration timeout, Duration every, Consumer<List<URI>> progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime() + every.toNanos();
    while (true) {
      List<URI> waiting = notReady();
      if (waiting.isEmpty()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      if (System.nanoTime() > nextReport) {
        progress.accept(waiting);
        nextReport = System.nanoTime() + every.toNanos();
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}

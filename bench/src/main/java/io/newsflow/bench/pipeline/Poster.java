package io.newsflow.bench.pipeline;

import io.newsflow.bench.corpus.BenchArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Posts articles to ingest, on a fixed schedule or as fast as a bounded number of requests in flight allows. */
final class Poster {

  /** When one article was posted and answered (System.nanoTime), and with what status. */
  static final class Post {
    final String id;
    volatile long sentNanos;
    volatile long answeredNanos;
    volatile int status;

    Post(String id) {
      this.id = id;
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI articles;
  private final String token;
  private final AtomicInteger failures = new AtomicInteger();

  Poster(int ingestPort, String token) {
    this.articles = URI.create("http://localhost:" + ingestPort + "/v1/articles");
    this.token = token;
  }

  /** Posts article i at start + i/rate, without waiting for answers, so a slow answer never delays the schedule. */
  List<Post> atRate(List<BenchArticle> batch, double perSecond) {
    List<Post> posts = batch.stream().map(a -> new Post(a.name())).toList();
    CompletableFuture<?>[] answers = new CompletableFuture<?>[batch.size()];
    long start = System.nanoTime();
    for (int i = 0; i < batch.size(); i++) {
      long due = start + (long) (i * 1e9 / perSecond);
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      answers[i] = send(batch.get(i), posts.get(i));
    }
    CompletableFuture.allOf(answers).join();
    return posts;
  }

  /** Posts everything with at most {@code inFlight} requests outstanding. */
  List<Post> asFastAsPossible(List<BenchArticle> batch, int inFlight) throws InterruptedException {
    List<Post> posts = batch.stream().map(a -> new Post(a.name())).toList();
    Semaphore permits = new Semaphore(inFlight);
    CompletableFuture<?>[] answers = new CompletableFuture<?>[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      permits.acquire();
      answers[i] = send(batch.get(i), posts.get(i)).whenComplete((r, e) -> permits.release());
    }
    CompletableFuture.allOf(answers).join();
    return posts;
  }

  int failures() {
    return failures.get();
  }

  private CompletableFuture<?> send(BenchArticle article, Post post) {
    HttpRequest request = HttpRequest.newBuilder(articles)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", article.mediaType())
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofByteArray(article.bytes()))
        .build();
    post.sentNanos = System.nanoTime();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
      post.answeredNanos = System.nanoTime();
      post.status = response == null ? -1 : response.statusCode();
      if (response == null || response.statusCode() != 202) {
        failures.incrementAndGet();
      }
      return null;
    });
  }
}

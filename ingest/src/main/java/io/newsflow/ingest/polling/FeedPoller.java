package io.newsflow.ingest.polling;

import io.newsflow.ingest.IngestConfig.Feed;
import io.newsflow.ingest.IngestConfig.Feeds;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import io.newsflow.ingest.intake.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls configured feeds (RSS, Atom, ninjs, NewsML-G2) on an interval with conditional GET (ETag and
 * Last-Modified remembered per feed), backs off exponentially while a feed fails, and hands each fetched document
 * to the intake, where an entry already accepted at that version is a duplicate and not published again.
 */
public final class FeedPoller implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

  private final Feeds settings;
  private final ArticleIntake intake;
  private final HttpClient client;
  private final Map<Feed, FeedState> states = new ConcurrentHashMap<>();
  private ScheduledExecutorService scheduler;

  public FeedPoller(Feeds settings, ArticleIntake intake) {
    this(settings, intake, HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build());
  }

  FeedPoller(Feeds settings, ArticleIntake intake, HttpClient client) {
    this.settings = settings;
    this.intake = intake;
    this.client = client;
  }

  /** What one poll did. */
  public record PollResult(Kind kind, int httpStatus, List<Outcome> outcomes, String error, Duration nextPollIn) {
    public enum Kind { FETCHED, NOT_MODIFIED, FAILED }
  }

  /** Conditional-GET memory and failure count of one feed. */
  private static final class FeedState {
    volatile String etag;
    volatile String lastModified;
    volatile int failures;
  }

  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-feed-poller");
      t.setDaemon(true);
      return t;
    });
    for (Feed feed : settings.feeds()) {
      log.info("Polling feed {} for source {} every {}", redacted(feed), feed.source(), settings.interval());
      scheduler.schedule(() -> pollAndReschedule(feed), 0, TimeUnit.MILLISECONDS);
    }
  }

  private void pollAndReschedule(Feed feed) {
    Duration next = settings.interval();
    try {
      next = poll(feed).nextPollIn();
    } catch (RuntimeException e) {
      log.error("Polling {} failed unexpectedly", redacted(feed), e);
    }
    if (!scheduler.isShutdown()) {
      scheduler.schedule(() -> pollAndReschedule(feed), next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Polls the feed once and says when to poll it next. */
  public PollResult poll(Feed feed) {
    FeedState state = states.computeIfAbsent(feed, f -> new FeedState());
    HttpRequest.Builder request = HttpRequest.newBuilder(feed.url())
        .timeout(settings.timeout())
        .header("Accept", "application/rss+xml, application/atom+xml, application/vnd.iptc.ninjs+json, "
            + "application/json, application/xml;q=0.9, */*;q=0.5")
        .header("User-Agent", "newsflow-ingest")
        .GET();
    if (state.etag != null) {
      request.header("If-None-Match", state.etag);
    }
    if (state.lastModified != null) {
      request.header("If-Modified-Since", state.lastModified);
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return failed(feed, state, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(feed, state, 0, "interrupted");
    }
    int status = response.statusCode();
    if (status == 304) {
      state.failures = 0;
      log.debug("Feed {} not modified", redacted(feed));
      return new PollResult(PollResult.Kind.NOT_MODIFIED, status, List.of(), null, settings.interval());
    }
    if (status != 200) {
      return failed(feed, state, status, "HTTP " + status);
    }
    List<Outcome> outcomes;
    try {
      outcomes = intake.ingest(response.body(), mediaType(response), feed.source());
    } catch (ProblemDocumentException e) {
      return failed(feed, state, status, e.problem().detail());
    }
    if (outcomes.stream().anyMatch(o -> o.problem() != null && o.problem().status() == 503)) {
      // Kafka did not take everything: fetch the whole feed again next time instead of a 304
      return failed(feed, state, status, "Kafka did not acknowledge every entry");
    }
    state.etag = response.headers().firstValue("ETag").orElse(null);
    state.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
    state.failures = 0;
    long accepted = outcomes.stream().filter(o -> o.status() == Outcome.Status.ACCEPTED).count();
    long rejected = outcomes.stream().filter(o -> o.status() == Outcome.Status.REJECTED).count();
    log.info("Feed {}: {} entries, {} new, {} rejected", redacted(feed), outcomes.size(), accepted, rejected);
    return new PollResult(PollResult.Kind.FETCHED, status, outcomes, null, settings.interval());
  }

  private PollResult failed(Feed feed, FeedState state, int status, String error) {
    int failures = ++state.failures;
    Duration next = backoff(settings.interval(), settings.maxBackoff(), failures);
    log.warn("Feed {} failed ({} in a row): {}; next poll in {}", redacted(feed), failures, error, next);
    return new PollResult(PollResult.Kind.FAILED, status, List.of(), error, next);
  }

  /** The feed as logged: user info and query (where feed credentials live) left out. */
  static String redacted(Feed feed) {
    URI url = feed.url();
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  /** The wait after {@code failures} failures in a row: the interval doubled per failure, at most {@code max}. */
  public static Duration backoff(Duration interval, Duration max, int failures) {
    if (failures <= 0) {
      return interval;
    }
    int doublings = Math.min(failures, 30);
    long millis = interval.toMillis();
    for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** The response's media type, or one sniffed from the first byte when the server sent a generic one. */
  static String mediaType(HttpResponse<byte[]> response) {
    String declared = response.headers().firstValue("Content-Type")
        .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals("text/plain")) {
      return declared;
    }
    for (byte b : response.body()) {
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return b == '<' ? "application/xml" : b == '{' || b == '[' ? "application/json" : "text/plain";
      }
    }
    return "text/plain";
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}

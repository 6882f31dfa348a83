package io.newsflow.ingest.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.intake.Outcome;
import io.newsflow.ingest.intake.TestIntake;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {

  private final TestIntake test = new TestIntake();
  private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
  private volatile String feed;
  private volatile String etag = "\"v1\"";
  private volatile int failWith;
  private HttpServer server;
  private IngestConfig.Feed configured;

  @BeforeEach
  void startFeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/feed.xml", exchange -> {
      try (exchange) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        conditionalHeaders.add(ifNoneMatch + " | " + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
        if (failWith != 0) {
          exchange.sendResponseHeaders(failWith, -1);
          return;
        }
        if (etag.equals(ifNoneMatch)) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
        byte[] body = feed.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", "Wed, 21 Oct 2025 07:28:00 GMT");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    server.start();
    configured = new IngestConfig.Feed("wire", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml"));
    feed = rss(item("g1", "First", "One."));
  }

  @AfterEach
  void stopFeedServer() {
    server.stop(0);
  }

  private FeedPoller poller() {
    return new FeedPoller(new IngestConfig.Feeds(List.of(configured), Duration.ofSeconds(30), Duration.ofMinutes(4),
        Duration.ofSeconds(5)), test.intake);
  }

  @Test
  void unchangedFeedIsAskedForConditionallyAndAnswered304WithoutIngesting() {
    // given
    FeedPoller poller = poller();
    poller.poll(configured);

    // when
    FeedPoller.PollResult second = poller.poll(configured);

    // then
    assertThat(second.kind()).isEqualTo(FeedPoller.PollResult.Kind.NOT_MODIFIED);
    assertThat(conditionalHeaders).containsExactly("null | null", "\"v1\" | Wed, 21 Oct 2025 07:28:00 GMT");
    assertThat(test.published()).hasSize(1);
  }

  @Test
  void eachEntryIsIngestedOncePerVersion() {
    // given
    FeedPoller poller = poller();
    poller.poll(configured);
    test.storiesCaughtUp();
    feed = rss(item("g1", "First", "One.") + item("g2", "Second", "Two."));
    etag = "\"v2\"";

    // when (enrich recorded each poll's stories on news.stories before the next)
    FeedPoller.PollResult changed = poller.poll(configured);
    test.storiesCaughtUp();
    feed = rss(item("g1", "First", "One, corrected.") + item("g2", "Second", "Two."));
    etag = "\"v3\"";
    FeedPoller.PollResult corrected = poller.poll(configured);

    // then
    assertThat(changed.outcomes()).extracting(Outcome::status)
        .containsExactly(Outcome.Status.DUPLICATE, Outcome.Status.ACCEPTED);
    assertThat(corrected.outcomes()).extracting(Outcome::status)
        .containsExactly(Outcome.Status.ACCEPTED, Outcome.Status.DUPLICATE);
    assertThat(test.published()).extracting(a -> a.getId() + " v" + a.getVersion())
        .containsExactly("g1 v1", "g2 v1", "g1 v2");
    assertThat(test.published()).extracting(RawArticle::getSource).containsOnly("wire");
  }

  @Test
  void failingFeedBacksOffExponentiallyUpToTheLimitAndRecovers() {
    // given
    FeedPoller poller = poller();
    failWith = 503;

    // when
    List<Duration> waits = List.of(poller.poll(configured).nextPollIn(), poller.poll(configured).nextPollIn(),
        poller.poll(configured).nextPollIn(), poller.poll(configured).nextPollIn());
    failWith = 0;
    FeedPoller.PollResult recovered = poller.poll(configured);

    // then
    assertThat(waits).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
        Duration.ofSeconds(240));
    assertThat(recovered.kind()).isEqualTo(FeedPoller.PollResult.Kind.FETCHED);
    assertThat(recovered.nextPollIn()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unreachableFeedIsAFailureNotACrash() {
    // given
    IngestConfig.Feed nowhere = new IngestConfig.Feed("x", URI.create("http://127.0.0.1:9/feed"));

    // when
    FeedPoller.PollResult result = poller().poll(nowhere);

    // then
    assertThat(result.kind()).isEqualTo(FeedPoller.PollResult.Kind.FAILED);
    assertThat(result.nextPollIn()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void startedPollerIngestsTheFeedInTheBackground() {
    // given
    FeedPoller poller = poller();

    // when
    poller.start();

    // then
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> test.published().size() == 1);
    } finally {
      poller.close();
    }
  }

  private static String item(String guid, String title, String text) {
    return "<item><guid>" + guid + "</guid><title>" + title + "</title><description>" + text + "</description></item>";
  }

  private static String rss(String items) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>" + items + "</channel></rss>";
  }
}

package io.newsflow.ingest.intake;

import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.formats.InvalidArticleException;
import io.newsflow.ingest.formats.ParsedArticle;
import io.newsflow.ingest.formats.ParsedItem;
import io.newsflow.ingest.formats.UnsupportedFormatException;
import io.newsflow.ingest.formats.WireFormats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.ingest.publish.ArticlePublisher.NotAcknowledgedException;
import io.newsflow.ingest.stories.StoryView;
import io.newsflow.ingest.stories.StoryView.Claim;
import io.newsflow.platform.http.Problem;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every delivery mode takes (HTTP, feeds, drop folder, backfill): read the document, check each
 * article, refuse stories of another source, skip resends the story view already knows, publish the rest to
 * {@code news.raw} and wait for Kafka's acknowledgement. Ingest keeps no state of its own: what it cannot decide
 * from the view, enrich decides.
 */
public final class ArticleIntake {

  private static final Logger log = LoggerFactory.getLogger(ArticleIntake.class);

  /** Counter of articles refused at intake; tag {@code reason} ({@value #NOT_OWNER}). */
  public static final String REFUSED = "newsflow.ingest.refused";
  /** Problem type and {@link #REFUSED} reason of a story that belongs to another source. */
  public static final String NOT_OWNER = "not-owner";

  private final ArticlePublisher publisher;
  private final StoryView stories;
  private final Clock clock;
  private final long maxArticleBytes;
  private final Counter refusedNotOwner;

  public ArticleIntake(ArticlePublisher publisher, StoryView stories, Clock clock, long maxArticleBytes) {
    this(publisher, stories, clock, maxArticleBytes, new SimpleMeterRegistry());
  }

  /** Counting refusals ({@value #REFUSED}) in {@code metrics}. */
  public ArticleIntake(ArticlePublisher publisher, StoryView stories, Clock clock, long maxArticleBytes,
                       MeterRegistry metrics) {
    this.publisher = publisher;
    this.stories = stories;
    this.clock = clock;
    this.maxArticleBytes = maxArticleBytes;
    this.refusedNotOwner = Counter.builder(REFUSED).tag("reason", NOT_OWNER).register(metrics);
  }

  public StoryView stories() {
    return stories;
  }

  /**
   * Reads a document into its items; a document that cannot be read at all is answered as a whole.
   *
   * @throws ProblemDocumentException with 415 for an unknown media type, 400 for an unreadable document
   */
  public static List<ParsedItem> read(byte[] bytes, String mediaType) {
    try {
      return WireFormats.read(bytes, mediaType);
    } catch (UnsupportedFormatException e) {
      throw new ProblemDocumentException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
          e.getMessage()).with("expected", UnsupportedFormatException.EXPECTED));
    } catch (InvalidArticleException e) {
      throw new ProblemDocumentException(invalid(e));
    }
  }

  /** Reads and submits a whole document. */
  public List<Outcome> ingest(byte[] bytes, String mediaType, String source) {
    return submit(read(bytes, mediaType), source, mediaType.isEmpty() ? "text/plain" : mediaType, bytes);
  }

  /**
   * Publishes every readable item that is new, all sent before any is awaited, and reports each item's outcome
   * in document order.
   */
  public List<Outcome> submit(List<ParsedItem> items, String source, String contentType, byte[] original) {
    List<Outcome> outcomes = new ArrayList<>(items.size());
    List<Pending> pending = new ArrayList<>();
    for (ParsedItem item : items) {
      if (!item.ok()) {
        outcomes.add(Outcome.rejected(item.index(), null, 0, source, invalid(item.error())));
        continue;
      }
      ParsedArticle parsed = item.article();
      RawArticle article = RawArticles.from(parsed, source, contentType, original, clock.instant());
      long size = (long) parsed.headline().getBytes(StandardCharsets.UTF_8).length
          + parsed.body().getBytes(StandardCharsets.UTF_8).length;
      if (size > maxArticleBytes) {
        outcomes.add(Outcome.rejected(item.index(), article.getId(), article.getVersion(), source,
            Problem.of(413, "article-too-large", "Article too large", "Headline and body are " + size
                + " bytes; articles are limited to " + maxArticleBytes).with("field", "body")
                .with("limit", maxArticleBytes)));
        continue;
      }
      Claim claim = stories.decide(article, parsed.versionStated());
      switch (claim.decision()) {
        case NOT_OWNER -> {
          refusedNotOwner.increment();
          log.warn("Refused story {} version {} from {}: it belongs to {}", article.getId(), article.getVersion(),
              source, claim.owner());
          outcomes.add(Outcome.rejected(item.index(), article.getId(), claim.version(), source,
              Problem.of(403, NOT_OWNER, "Not your story", "Story '" + article.getId() + "' belongs to another "
                  + "source; a source can only update, correct or kill its own stories").with("field", "id")));
        }
        case DUPLICATE -> {
          log.info("Resend of story {} version {} not published again", article.getId(), claim.version());
          outcomes.add(Outcome.duplicate(item.index(), article.getId(), claim.version(), source));
        }
        case CONFLICT -> outcomes.add(Outcome.rejected(item.index(), article.getId(), claim.version(), source,
            Problem.of(409, "version-conflict", "Version conflict", "Story '" + article.getId() + "' version "
                + claim.version() + " was accepted before with different text; send a higher version")
                .with("field", "version")));
        case NEW -> {
          outcomes.add(null);
          pending.add(new Pending(outcomes.size() - 1, item.index(), article, publisher.send(article)));
        }
        default -> throw new IllegalStateException("Unknown decision " + claim.decision());
      }
    }
    for (Pending p : pending) {
      outcomes.set(p.slot(), await(p, source));
    }
    return outcomes;
  }

  private Outcome await(Pending p, String source) {
    RawArticle article = p.article();
    try {
      RecordMetadata metadata = publisher.awaitAck(p.sent());
      log.info("Accepted story {} version {} from {} at {}-{}@{}", article.getId(), article.getVersion(),
          source, metadata.topic(), metadata.partition(), metadata.offset());
      return Outcome.accepted(p.index(), article.getId(), article.getVersion(), source, metadata.partition(),
          metadata.offset());
    } catch (NotAcknowledgedException e) {
      log.warn("Story {} version {} not stored: {}", article.getId(), article.getVersion(), e.getMessage());
      return Outcome.rejected(p.index(), article.getId(), article.getVersion(), source,
          Problem.of(503, "kafka-unavailable", "Not stored", "Kafka did not acknowledge the article; retry later")
              .with("retryable", true));
    }
  }

  static Problem invalid(InvalidArticleException e) {
    return Problem.of(400, "invalid-article", "Invalid article", e.getMessage())
        .with("field", e.field() == null ? "$" : e.field());
  }

  private record Pending(int slot, int index, RawArticle article, Future<RecordMetadata> sent) {}

  /** The document as a whole is refused; carries the problem to answer. */
  public static final class ProblemDocumentException extends RuntimeException {
    private final transient Problem problem;

    public ProblemDocumentException(Problem problem) {
      super(problem.detail());
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }
}

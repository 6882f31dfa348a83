package io.newsflow.ingest.backfill;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.dropfolder.FileMediaTypes;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import io.newsflow.ingest.intake.Outcome;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.ingest.stories.StoryView;
import io.newsflow.ingest.stories.StoryViewReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ingests every file under a directory (for {@code bin/newsflow ingest-dir DIR}) through the same intake as
 * the HTTP API, straight to Kafka, and sums up what was accepted, what were duplicates and what was rejected
 * and why. Files are left where they are. Dotfiles and partial files ({@code *.part}, {@code *.tmp}) are skipped.
 */
public final class Backfill implements AutoCloseable {

  private final ArticleIntake intake;
  private final String source;
  private final Runnable closer;

  public Backfill(ArticleIntake intake, String source) {
    this(intake, source, () -> { });
  }

  private Backfill(ArticleIntake intake, String source, Runnable closer) {
    this.intake = intake;
    this.source = source;
    this.closer = closer;
  }

  /**
   * A backfill writing to the Kafka cluster of {@code config}; follows {@code news.stories} as the service does,
   * so stories enrich already has are duplicates and other sources' stories are refused (enrich records any
   * resend the view did not know yet).
   *
   * @param source source recorded on every article, e.g. {@code backfill} or the agency's name
   */
  public static Backfill open(IngestConfig config, String source) {
    StoryView view = new StoryView();
    StoryViewReader stories = StoryViewReader.start(config.consumer(), view);
    ArticlePublisher publisher = new ArticlePublisher(config.producer(), config.ackTimeout());
    ArticleIntake intake = new ArticleIntake(publisher, view, Clock.systemUTC(), config.limits().maxArticleBytes());
    return new Backfill(intake, source, () -> {
      publisher.close();
      stories.close();
    });
  }

  /** Called after each file; the launcher draws its progress bar from it. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param filesDone  files handled so far, including {@code file}
     * @param filesTotal files found
     * @param file       the file just handled
     * @param soFar      the running totals
     */
    void update(int filesDone, int filesTotal, Path file, Summary soFar);
  }

  /** One rejected article or file: where, the HTTP-style status, the field at fault and why. */
  public record Rejection(Path file, int item, int status, String field, String reason) {}

  /** Totals of a backfill; {@code rejections} lists every rejected article or unreadable file. */
  public record Summary(int files, long accepted, long duplicate, long rejected, List<Rejection> rejections) {
    public Summary {
      rejections = List.copyOf(rejections);
    }

    static Summary empty() {
      return new Summary(0, 0, 0, 0, List.of());
    }

    Summary plus(List<Outcome> outcomes, Path file) {
      List<Rejection> more = new ArrayList<>(rejections);
      long a = accepted;
      long d = duplicate;
      long r = rejected;
      for (Outcome o : outcomes) {
        switch (o.status()) {
          case ACCEPTED -> a++;
          case DUPLICATE -> d++;
          case REJECTED -> {
            r++;
            Object field = o.problem().extras().get("field");
            more.add(new Rejection(file, o.index(), o.problem().status(), field == null ? null : field.toString(),
                o.problem().detail()));
          }
          default -> throw new IllegalStateException("Unknown status " + o.status());
        }
      }
      return new Summary(files + 1, a, d, r, more);
    }

    Summary plusRejectedFile(Path file, int status, String field, String reason) {
      List<Rejection> more = new ArrayList<>(rejections);
      more.add(new Rejection(file, -1, status, field, reason));
      return new Summary(files + 1, accepted, duplicate, rejected + 1, more);
    }
  }

  /** Ingests every file under {@code dir}, in path order, reporting progress after each. */
  public Summary run(Path dir, Progress progress) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(f -> !FileMediaTypes.isPartial(f))
          .filter(f -> !dir.relativize(f).toString().startsWith("."))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
    Summary summary = Summary.empty();
    int done = 0;
    for (Path file : files) {
      summary = ingest(file, summary);
      progress.update(++done, files.size(), file, summary);
    }
    return summary;
  }

  private Summary ingest(Path file, Summary summary) {
    String mediaType = FileMediaTypes.of(file).orElse(null);
    if (mediaType == null) {
      return summary.plusRejectedFile(file, 415, "$", "Unknown file type; expected one of " + FileMediaTypes.expected());
    }
    try {
      return summary.plus(intake.ingest(Files.readAllBytes(file), mediaType, source), file);
    } catch (ProblemDocumentException e) {
      Object field = e.problem().extras().get("field");
      return summary.plusRejectedFile(file, e.problem().status(), field == null ? "$" : field.toString(),
          e.problem().detail());
    } catch (IOException e) {
      return summary.plusRejectedFile(file, 0, "$", "Cannot read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    closer.run();
  }
}

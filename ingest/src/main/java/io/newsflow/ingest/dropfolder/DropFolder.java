package io.newsflow.ingest.dropfolder;

import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import io.newsflow.ingest.intake.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watched directory: a file is ingested once its size and modification time were the same on two scans in a
 * row (so a file still being written is not read), then moved to {@code done/}, or to {@code failed/} with a
 * {@code <name>.error} file saying why. Dotfiles and {@code *.part}, {@code *.tmp} files are never read. When
 * Kafka does not acknowledge, the file stays where it is and is tried again on a later scan.
 */
public final class DropFolder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

  private final Path dir;
  private final Path done;
  private final Path failed;
  private final String source;
  private final ArticleIntake intake;
  private final Map<Path, Observation> lastScan = new HashMap<>();
  private ScheduledExecutorService scheduler;

  public DropFolder(Path dir, String source, ArticleIntake intake) {
    this.dir = dir;
    this.done = dir.resolve("done");
    this.failed = dir.resolve("failed");
    this.source = source;
    this.intake = intake;
    try {
      Files.createDirectories(done);
      Files.createDirectories(failed);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare drop folder " + dir, e);
    }
  }

  /** What became of one file in a scan. */
  public record FileResult(Path file, Kind kind, List<Outcome> outcomes, String error) {
    public enum Kind { DONE, FAILED, RETRY_LATER }
  }

  private record Observation(long size, long modified) {}

  public void start(Duration interval) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-drop-folder");
      t.setDaemon(true);
      return t;
    });
    log.info("Watching drop folder {} (source {}) every {}", dir, source, interval);
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        scan();
      } catch (RuntimeException e) {
        log.error("Scanning drop folder {} failed", dir, e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One scan: ingests the files that were stable since the previous scan. */
  public synchronized List<FileResult> scan() {
    Map<Path, Observation> seen = new HashMap<>();
    List<FileResult> results = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(Files::isRegularFile).filter(f -> !FileMediaTypes.isPartial(f)).sorted().toList();
    } catch (IOException e) {
      log.warn("Cannot list drop folder {}: {}", dir, e.getMessage());
      return results;
    }
    for (Path file : files) {
      Observation now;
      try {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        now = new Observation(attrs.size(), attrs.lastModifiedTime().toMillis());
      } catch (IOException e) {
        continue;
      }
      if (!now.equals(lastScan.get(file))) {
        seen.put(file, now);
        continue;
      }
      FileResult result = ingest(file);
      if (result.kind() == FileResult.Kind.RETRY_LATER) {
        seen.put(file, now);
      }
      results.add(result);
    }
    lastScan.clear();
    lastScan.putAll(seen);
    return results;
  }

  private FileResult ingest(Path file) {
    String mediaType = FileMediaTypes.of(file).orElse(null);
    if (mediaType == null) {
      return fail(file, List.of(), "Unknown file type '" + file.getFileName() + "'; expected one of "
          + FileMediaTypes.expected());
    }
    List<Outcome> outcomes;
    try {
      outcomes = intake.ingest(Files.readAllBytes(file), mediaType, source);
    } catch (ProblemDocumentException e) {
      Object field = e.problem().extras().get("field");
      return fail(file, List.of(), e.problem().status() + " " + e.problem().title() + ": " + e.problem().detail()
          + (field == null ? "" : " [field " + field + "]"));
    } catch (IOException e) {
      return new FileResult(file, FileResult.Kind.RETRY_LATER, List.of(), e.getMessage());
    }
    if (outcomes.stream().anyMatch(o -> o.problem() != null && o.problem().status() == 503)) {
      log.warn("Kafka did not acknowledge everything from {}; it stays for the next scan", file);
      return new FileResult(file, FileResult.Kind.RETRY_LATER, outcomes, "Kafka did not acknowledge");
    }
    List<String> reasons = outcomes.stream().filter(o -> o.status() == Outcome.Status.REJECTED)
        .map(o -> "item " + o.index() + (o.id() == null ? "" : " (" + o.id() + ")") + ": " + o.problem().status()
            + " " + o.problem().detail() + fieldOf(o))
        .toList();
    if (!reasons.isEmpty()) {
      return fail(file, outcomes, String.join("\n", reasons));
    }
    move(file, done);
    log.info("Drop folder: {} ingested ({} items) and moved to done/", file.getFileName(), outcomes.size());
    return new FileResult(file, FileResult.Kind.DONE, outcomes, null);
  }

  private static String fieldOf(Outcome o) {
    Object field = o.problem().extras().get("field");
    return field == null ? "" : " [field " + field + "]";
  }

  private FileResult fail(Path file, List<Outcome> outcomes, String reason) {
    Path moved = move(file, failed);
    try {
      Files.writeString(moved.resolveSibling(moved.getFileName() + ".error"), reason + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.warn("Cannot write the error file for {}: {}", moved, e.getMessage());
    }
    log.warn("Drop folder: {} refused and moved to failed/: {}", file.getFileName(), reason);
    return new FileResult(file, FileResult.Kind.FAILED, outcomes, reason);
  }

  private static Path move(Path file, Path target) {
    Path destination = target.resolve(file.getFileName());
    try {
      return Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move " + file + " to " + target, e);
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}

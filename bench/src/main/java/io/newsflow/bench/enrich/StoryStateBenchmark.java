package io.newsflow.bench.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.dedup.BandBucket;
import io.newsflow.enrich.dedup.BandBucketSerde;
import io.newsflow.enrich.dedup.BandEntry;
import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.MinHashFingerprinter;
import io.newsflow.enrich.stories.JsonSerde;
import io.newsflow.enrich.stories.StoryVersion;
import io.newsflow.enrich.stories.TextFingerprint;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What stories over time cost: MinHash fingerprinting time per article, and the bytes the bounded stores
 * hold per story (key + value as serialised into RocksDB and the changelog), scaled to a million stories.
 * Articles are the texts of {@code eval/near-duplicates/pairs.jsonl}; store entries are built with the
 * records and serdes the processors write.
 */
public final class StoryStateBenchmark {

  private static final int ROUNDS = 7;
  private static final int ARTICLES_PER_ROUND = 20_000;

  private StoryStateBenchmark() {}

  /** {@code java ... StoryStateBenchmark [pairs.jsonl]}; defaults to {@code eval/near-duplicates/pairs.jsonl}. */
  public static void main(String[] args) {
    run(Path.of(args.length > 0 ? args[0] : "eval/near-duplicates/pairs.jsonl"), System.out);
  }

  record Text(String headline, String body) {}

  public static void run(Path pairsJsonl, PrintStream out) {
    List<Text> texts = texts(pairsJsonl);
    MinHashFingerprinter fingerprinter = new MinHashFingerprinter();
    double avgChars = texts.stream().mapToInt(t -> t.headline().length() + t.body().length()).average().orElse(0);

    double[] microsPerArticle = new double[ROUNDS];
    long sink = 0;
    for (int round = -2; round < ROUNDS; round++) {
      long started = System.nanoTime();
      for (int i = 0; i < ARTICLES_PER_ROUND; i++) {
        Text t = texts.get(i % texts.size());
        sink += fingerprinter.fingerprint(t.headline(), t.body()).signature()[0];
      }
      long elapsed = System.nanoTime() - started;
      if (round >= 0) {
        microsPerArticle[round] = elapsed / 1000.0 / ARTICLES_PER_ROUND;
      }
    }
    Arrays.sort(microsPerArticle);
    out.printf(Locale.ROOT, "fingerprinting: median %.1f µs per article (%d rounds of %d, articles of %.0f chars on average; checksum %d)%n",
        microsPerArticle[ROUNDS / 2], ROUNDS, ARTICLES_PER_ROUND, avgChars, sink & 1);

    JsonSerde<StoryVersion> versions = JsonSerde.of(StoryVersion.class);
    JsonSerde<TextFingerprint> digests = JsonSerde.of(TextFingerprint.class);
    BandBucketSerde buckets = new BandBucketSerde();
    long versionBytes = 0;
    long digestBytes = 0;
    long bandBytes = 0;
    int n = texts.size();
    for (int i = 0; i < n; i++) {
      Text t = texts.get(i);
      String id = "urn:newsflow:agency-" + (i % 7) + ":" + sha256(t.headline()).substring(0, 32);
      String digest = sha256(t.headline() + "\n\n" + t.body());
      long seenAt = 1_779_000_000_000L + i * 60_000L;
      versionBytes += utf8(id) + versions.encode(new StoryVersion(1 + i % 3, false)).length;
      digestBytes += utf8(digest) + digests.encode(new TextFingerprint(id, "agency-" + (i % 7), seenAt)).length;
      Fingerprint f = fingerprinter.fingerprint(t.headline(), t.body());
      for (String band : f.bands()) {
        // distinct stories rarely share a band value: one entry per bucket is the common case
        bandBytes += utf8(band) + buckets.encode(new BandBucket(List.of(
            new BandEntry(id, "agency-" + (i % 7), id, f.signature(), seenAt)))).length;
      }
    }
    out.printf(Locale.ROOT, "state per story (serialised key + value, mean of %d stories):%n", n);
    report(out, "story-versions", versionBytes, n, "every story ever seen (not pruned)");
    report(out, "released-versions", versionBytes, n, "every story ever seen (not pruned)");
    report(out, "text-fingerprints", digestBytes, n, "stories within NEWSFLOW_ENRICH_RESEND_RETENTION");
    report(out, "near-duplicate-bands", bandBytes, n, "stories within NEWSFLOW_ENRICH_NEAR_DUPLICATE_WINDOW, "
        + MinHashFingerprinter.BANDS + " entries each");
    long total = 2 * versionBytes + digestBytes + bandBytes;
    report(out, "all", total, n, "if a million stories are all within the windows");
    out.println("embargoed-stories and near-duplicate-checks hold only stories under embargo or in flight.");
  }

  private static void report(PrintStream out, String store, long bytes, int stories, String holds) {
    double perStory = (double) bytes / stories;
    out.printf(Locale.ROOT, "  %-22s %6.0f bytes/story  %7.1f MB per million stories  (%s)%n", store, perStory,
        perStory * 1_000_000 / 1e6, holds);
  }

  private static List<Text> texts(Path pairsJsonl) {
    List<Text> texts = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(pairsJsonl)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode pair = Json.mapper().readTree(line);
        for (String side : List.of("a", "b")) {
          texts.add(new Text(pair.path(side).path("headline").asText(), pair.path(side).path("body").asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pairsJsonl, e);
    }
    return List.copyOf(new java.util.LinkedHashSet<>(texts));
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

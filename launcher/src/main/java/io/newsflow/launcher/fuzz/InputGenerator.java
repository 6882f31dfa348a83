package io.newsflow.launcher.fuzz;

import io.newsflow.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded inputs for the parsers: real samples and built-in seeds mutated (bit flips, truncation, splices,
 * inserted syntax), generated articles, random bytes and hostile documents. Input {@code i} of seed {@code s}
 * is always the same, so a finding is reproduced with the same seed and iteration.
 */
public final class InputGenerator {

  /** Every media type an ingest parser is chosen by. */
  public static final List<String> MEDIA_TYPES = List.of("application/json", "application/x-ndjson", "text/plain", "",
      "application/xml", "application/rss+xml", "application/atom+xml", "text/html", "application/vnd.iptc.ninjs+json");

  private final long seed;
  private final List<Sample> samples;

  /** {@code samples}: real documents to mutate, with the media type each is sent as. */
  public InputGenerator(long seed, List<Sample> samples) {
    this.seed = seed;
    List<Sample> all = new ArrayList<>(builtIn());
    all.addAll(samples);
    this.samples = List.copyOf(all);
  }

  public int sampleCount() {
    return samples.size();
  }

  public FuzzInput generate(long iteration) {
    Random random = new Random(seed * 0x9E3779B97F4A7C15L + iteration);
    String mediaType = MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size()));
    int choice = random.nextInt(100);
    if (choice < 45) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      String as = random.nextInt(4) == 0 ? mediaType : sample.mediaType();
      return new FuzzInput(iteration, "mutated-sample", as, Mutations.mutate(random, sample.bytes(), samples));
    }
    if (choice < 65) {
      return new FuzzInput(iteration, "generated-article", mediaType, generatedArticle(random, mediaType));
    }
    if (choice < 73) {
      byte[] bytes = new byte[random.nextInt(random.nextBoolean() ? 64 : 4096)];
      random.nextBytes(bytes);
      return new FuzzInput(iteration, "random-bytes", mediaType, bytes);
    }
    if (choice < 80) {
      Sample sample = samples.get(random.nextInt(samples.size()));
      return new FuzzInput(iteration, "invalid-utf8", sample.mediaType(), HostileDocuments.invalidUtf8(random, sample.bytes()));
    }
    return switch (choice % 6) {
      case 0 -> new FuzzInput(iteration, "billion-laughs", xmlType(random), HostileDocuments.billionLaughs(random));
      case 1 -> new FuzzInput(iteration, "external-entity", xmlType(random), HostileDocuments.externalEntity(random));
      case 2 -> new FuzzInput(iteration, "external-dtd", xmlType(random), HostileDocuments.externalDtd(random));
      case 3 -> new FuzzInput(iteration, "deep-json", random.nextBoolean() ? "application/json" : "application/x-ndjson",
          HostileDocuments.deepJson(random));
      case 4 -> new FuzzInput(iteration, "deep-xml", xmlType(random), HostileDocuments.deepXml(random));
      default -> random.nextInt(10) == 0
          ? new FuzzInput(iteration, "huge-field", mediaType, HostileDocuments.hugeField(random, mediaType))
          : new FuzzInput(iteration, "generated-text", "text/plain", generatedText(random));
    };
  }

  private static String xmlType(Random random) {
    return List.of("application/xml", "application/rss+xml", "application/atom+xml", "text/html").get(random.nextInt(4));
  }

  /** A mostly well-formed article in the media type's shape, with random values and random omissions. */
  static byte[] generatedArticle(Random random, String mediaType) {
    String headline = sentence(random, 1 + random.nextInt(12));
    String body = sentence(random, random.nextInt(200));
    if (mediaType.contains("json")) {
      Map<String, Object> article = new LinkedHashMap<>();
      if (random.nextInt(10) > 0) {
        article.put("headline", random.nextInt(20) == 0 ? random.nextInt() : headline);
      }
      if (random.nextInt(10) > 0) {
        article.put("body", body);
      }
      if (random.nextBoolean()) {
        article.put("id", "urn:fuzz:" + random.nextInt(1000));
      }
      if (random.nextBoolean()) {
        article.put("version", random.nextInt(5) == 0 ? random.nextLong() : random.nextInt(5));
      }
      if (random.nextBoolean()) {
        article.put("urgency", random.nextInt(12) - 1);
      }
      if (random.nextBoolean()) {
        article.put("published", random.nextBoolean() ? "2026-03-0" + random.nextInt(10) + "T10:00:00Z" : sentence(random, 1));
      }
      if (random.nextBoolean()) {
        article.put("language", random.nextBoolean() ? "en" : HostileDocuments.randomWord(random));
      }
      String json = Json.write(article);
      return (mediaType.contains("ndjson") ? json + "\n" + json + "\n" : json).getBytes(StandardCharsets.UTF_8);
    }
    if (mediaType.contains("xml") || mediaType.contains("html")) {
      String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Feed</title>"
          + "<item><guid>urn:fuzz:" + random.nextInt(1000) + "</guid><title>" + escapeXml(headline) + "</title>"
          + "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>" + escapeXml(body) + "</description></item>"
          + "</channel></rss>";
      return doc.getBytes(StandardCharsets.UTF_8);
    }
    return (headline + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] generatedText(Random random) {
    StringBuilder s = new StringBuilder();
    int lines = random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      s.append(random.nextInt(5) == 0 ? " \t " : sentence(random, random.nextInt(30)));
      s.append(random.nextBoolean() ? "\n" : random.nextBoolean() ? "\r\n" : "\r");
    }
    if (random.nextInt(10) == 0) {
      s.insert(0, '\uFEFF');
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    String[] common = {"The", "minister", "said", "on", "Tuesday", "that", "Paris", "and", "Berlin", "would", "agree",
        "Le", "ministre", "a", "déclaré", "mardi", "Der", "Minister", "sagte", "am", "Dienstag", "\"we will\"", "oppose"};
    for (int i = 0; i < words; i++) {
      s.append(random.nextInt(8) == 0 ? HostileDocuments.randomWord(random) : common[random.nextInt(common.length)]);
      s.append(i + 1 < words ? " " : ".");
    }
    return s.toString();
  }

  private static String escapeXml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
  }

  private static List<Sample> builtIn() {
    return List.of(
        new Sample("application/json", utf8("{\"id\":\"urn:seed:1\",\"version\":2,\"headline\":\"Minister resigns\","
            + "\"body\":\"The minister resigned on Tuesday, officials said.\",\"language\":\"en\",\"urgency\":3,"
            + "\"published\":\"2026-03-03T10:00:00Z\"}")),
        new Sample("application/vnd.iptc.ninjs+json", utf8("{\"uri\":\"urn:seed:ninjs\",\"version\":\"1\",\"type\":\"text\","
            + "\"headlines\":[{\"value\":\"Storm hits coast\"}],\"bodies\":[{\"role\":\"main\",\"contentType\":\"text/plain\","
            + "\"value\":\"A storm hit the coast on Monday.\"}],\"language\":\"en\",\"urgency\":4,"
            + "\"versioncreated\":\"2026-03-02T08:00:00Z\",\"subjects\":[{\"name\":\"weather\"}]}")),
        new Sample("application/x-ndjson", utf8("{\"headline\":\"One\",\"body\":\"First body.\"}\n"
            + "{\"headline\":\"Two\",\"body\":\"Second body.\"}\n")),
        new Sample("text/plain", utf8("Coalition agrees budget\n\nThe coalition agreed the budget late on Monday.\n")),
        new Sample("application/rss+xml", utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
            + "<item><guid>urn:seed:rss</guid><title>Markets rally</title><pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>"
            + "<description>Shares rose &amp; bonds fell.</description></item></channel></rss>")),
        new Sample("application/atom+xml", utf8("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>Wire</title><entry><id>urn:seed:atom</id><title>Election called</title>"
            + "<updated>2026-03-03T10:00:00Z</updated><content type=\"text\">The prime minister called an election.</content>"
            + "</entry></feed>")),
        new Sample("application/xml", utf8("<?xml version=\"1.0\"?><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
            + "guid=\"urn:seed:g2\" version=\"1\"><itemMeta><pubStatus qcode=\"stat:usable\"/></itemMeta><contentMeta>"
            + "<headline>Talks resume</headline></contentMeta><contentSet><inlineXML contenttype=\"application/nitf+xml\">"
            + "<nitf><body><body.content><p>Talks resumed in Geneva.</p></body.content></body></nitf></inlineXML>"
            + "</contentSet></newsItem>")),
        new Sample("text/html", utf8("<!doctype html><html><head><title>Page</title><meta property=\"og:title\" "
            + "content=\"Bridge opens\"></head><body><article><h1>Bridge opens</h1><p>The bridge opened.</p></article></body></html>")));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A document to mutate and the media type it is normally sent as. */
  public record Sample(String mediaType, byte[] bytes) {}
}

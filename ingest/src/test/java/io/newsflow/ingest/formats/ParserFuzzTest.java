package io.newsflow.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated documents fed to every parser: whatever comes in, the only exceptions that leave a parser
 * are {@link InvalidArticleException} and {@link UnsupportedFormatException} (answered 400 and 415), never one
 * that would surface as a 500.
 */
class ParserFuzzTest {

  private static final List<String> MEDIA_TYPES = List.of("application/json", WireFormats.NINJS, WireFormats.NDJSON,
      "application/xml", "application/rss+xml", "application/atom+xml", "application/vnd.iptc.g2.newsitem+xml",
      "text/plain", "text/html", "", "application/octet-stream");

  private static final List<String> SAMPLES = List.of(
      "ninjs/2.1/dpa_text.json", "ninjs/2.1/tt_text_image_2.json", "ninjs/1.4/ninjsExComplex1.json",
      "ninjs/documentation-examples/3.1/005_complex_text_article.json", "ninjs/2.1/ap_video.json",
      "newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml", "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml",
      "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml", "newsml-g2/ap_metadata_example.xml");

  private static final String RSS = "<rss version=\"2.0\"><channel><language>en</language><item><title>T</title>"
      + "<guid>g</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>&lt;p&gt;D&lt;/p&gt;"
      + "</description></item></channel></rss>";
  private static final String ATOM = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>i</id><title>T</title>"
      + "<updated>2025-01-01T00:00:00Z</updated><content type=\"xhtml\"><div><p>C</p></div></content></entry></feed>";
  private static final String HTML = "<html lang=\"en\"><body><article><h1>H</h1><p>One</p><p>Two</p></article></body></html>";
  private static final String SIMPLE = "{\"id\":\"x\",\"headline\":\"H\",\"body\":\"B\",\"urgency\":3,\"version\":2,"
      + "\"published\":\"2025-01-01T00:00:00Z\",\"language\":\"en\"}";

  @Property(tries = 500)
  void randomBytesOnlyEverRaiseTheTwoArticleExceptions(@ForAll byte[] bytes, @ForAll("mediaTypes") String mediaType) {
    assertOnlyArticleExceptions(bytes, mediaType);
  }

  @Property(tries = 1500)
  void mutatedRealDocumentsOnlyEverRaiseTheTwoArticleExceptions(@ForAll("mutatedDocuments") Document document) {
    assertOnlyArticleExceptions(document.bytes(), document.mediaType());
  }

  @Property(tries = 1000)
  void randomNinjsShapedJsonOnlyEverRaisesTheTwoArticleExceptions(@ForAll("ninjsShapedJson") String json) {
    assertOnlyArticleExceptions(json.getBytes(StandardCharsets.UTF_8), "application/json");
    assertOnlyArticleExceptions(json.getBytes(StandardCharsets.UTF_8), WireFormats.NINJS);
  }

  @Property(tries = 1000)
  void randomNewsShapedXmlOnlyEverRaisesTheTwoArticleExceptions(@ForAll("newsShapedXml") String xml) {
    assertOnlyArticleExceptions(xml.getBytes(StandardCharsets.UTF_8), "application/xml");
  }

  record Document(byte[] bytes, String mediaType) {
    @Override
    public String toString() {
      return mediaType + ": " + new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void assertOnlyArticleExceptions(byte[] bytes, String mediaType) {
    try {
      List<ParsedItem> items = WireFormats.read(bytes, mediaType);
      assertThat(items).isNotEmpty();
      for (ParsedItem item : items) {
        assertThat(item.ok() ? item.article().headline() : item.error().getMessage()).isNotBlank();
      }
    } catch (InvalidArticleException | UnsupportedFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> mediaTypes() {
    return Arbitraries.of(MEDIA_TYPES);
  }

  @Provide
  Arbitrary<Document> mutatedDocuments() {
    List<Document> originals = new java.util.ArrayList<>();
    for (String sample : SAMPLES) {
      originals.add(new Document(resource(sample), sample.endsWith(".json") ? "application/json" : "application/xml"));
    }
    originals.add(new Document(RSS.getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
    originals.add(new Document(ATOM.getBytes(StandardCharsets.UTF_8), "application/atom+xml"));
    originals.add(new Document(HTML.getBytes(StandardCharsets.UTF_8), "text/html"));
    originals.add(new Document(SIMPLE.getBytes(StandardCharsets.UTF_8), "application/json"));
    originals.add(new Document((SIMPLE + "\n" + SIMPLE).getBytes(StandardCharsets.UTF_8), WireFormats.NDJSON));
    Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
        Arbitraries.strings().ofMaxLength(12).withChars("<>&;\"'{}[]:,/\\=!-?#%\u0000\u00e9\uD83D\uDE00 axbq0"))
        .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(originals), mutation.list().ofMinSize(1).ofMaxSize(4))
        .as((doc, mutations) -> {
          byte[] bytes = doc.bytes();
          for (Mutation m : mutations) {
            bytes = m.apply(bytes);
          }
          return new Document(bytes, doc.mediaType());
        });
  }

  /** One edit of a document: flip a byte, cut it short, insert text, drop a slice or repeat a slice. */
  record Mutation(int kind, double where, double length, String text) {
    byte[] apply(byte[] in) {
      if (in.length == 0) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      int at = (int) (where * (in.length - 1));
      int len = Math.max(1, (int) (length * Math.min(64, in.length - at)));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      switch (kind) {
        case 0 -> {
          byte[] copy = in.clone();
          copy[at] = (byte) (copy[at] ^ (1 << (len % 8)));
          return copy;
        }
        case 1 -> {
          return java.util.Arrays.copyOf(in, at);
        }
        case 2 -> {
          out.write(in, 0, at);
          out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
          out.write(in, at, in.length - at);
        }
        case 3 -> {
          out.write(in, 0, at);
          out.write(in, Math.min(in.length, at + len), in.length - Math.min(in.length, at + len));
        }
        default -> {
          out.write(in, 0, Math.min(in.length, at + len));
          out.write(in, at, in.length - at);
        }
      }
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<String> ninjsShapedJson() {
    Arbitrary<String> keys = Arbitraries.of("uri", "guid", "type", "version", "versioncreated", "versionCreated",
        "firstcreated", "pubstatus", "pubStatus", "embargoed", "urgency", "language", "headline", "headlines",
        "headline_main", "body_text", "body_html", "body_xhtml", "body_main", "bodies", "byline", "bylines", "by",
        "located", "subject", "subjects", "slugline", "ednote", "descriptions", "description_text", "role", "value",
        "contenttype", "contentType", "name", "literal", "id", "body", "published");
    Arbitrary<String> scalars = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
            .replaceAll("[\\x00-\\x1f]", " ") + "\""),
        Arbitraries.of("\"text\"", "\"picture\"", "\"usable\"", "\"canceled\"", "\"2025-01-01T00:00:00Z\"",
            "\"not a date\"", "\"<p>x</p>\"", "\"text/html\"", "\"main\"", "\"-3\"", "\"99999999999999999999\""),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.of("true", "false", "null", "1.5", "1e400", "-0"));
    return Arbitraries.recursive(() -> scalars,
        inner -> Arbitraries.oneOf(
            Combinators.combine(keys, inner).as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(6)
                .map(fields -> "{" + String.join(",", fields) + "}"),
            inner.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
        3).filter(s -> s.startsWith("{") || s.startsWith("["));
  }

  @Provide
  Arbitrary<String> newsShapedXml() {
    Arbitrary<String> names = Arbitraries.of("newsItem", "newsMessage", "itemSet", "itemMeta", "contentMeta",
        "contentSet", "inlineXML", "inlineData", "nitf", "body", "body.head", "body.content", "hl1", "p", "headline",
        "slugline", "dateline", "language", "subject", "name", "pubStatus", "signal", "urgency", "versionCreated",
        "embargoed", "rss", "channel", "item", "title", "guid", "link", "description", "pubDate", "feed", "entry",
        "id", "content", "summary", "updated", "author", "category");
    Arbitrary<String> attributes = Arbitraries.of("", " guid=\"g\"", " version=\"2\"", " version=\"x\"",
        " qcode=\"stat:canceled\"", " qcode=\"ninat:picture\"", " tag=\"en\"", " type=\"xhtml\"", " type=\"html\"",
        " contenttype=\"text/html\"", " xml:lang=\"fr\"", " term=\"t\"", " href=\"h\"");
    Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars(" .,")
        .ofMaxLength(20), Arbitraries.of("&lt;p&gt;x&lt;/p&gt;", "2025-01-01T00:00:00Z", "Tue, 10 Jun 2003 04:00:00 GMT",
        "<![CDATA[<b>c</b>]]>", "&amp;", "5", "-1"));
    return Arbitraries.recursive(() -> texts,
        inner -> Combinators.combine(names, attributes, inner.list().ofMaxSize(4))
            .as((n, a, children) -> "<" + n + a + ">" + String.join("", children) + "</" + n + ">"),
        4).filter(s -> s.startsWith("<"));
  }

  private static byte[] resource(String path) {
    try (InputStream in = ParserFuzzTest.class.getResourceAsStream("/samples/" + path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.newsflow.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.ingest.formats.html.HtmlText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing (Jazzer) of every wire-format parser and the HTML cleaner. Whatever comes in, the only
 * exceptions that leave a parser are {@link InvalidArticleException} and {@link UnsupportedFormatException}
 * (answered 400 and 415), never one that would surface as a 500; what is accepted has a headline, and XML with a
 * DOCTYPE (entity definitions, external DTDs) is never accepted.
 *
 * <p>Under {@code mvn test} each method replays its seed corpus in
 * {@code src/test/resources/io/newsflow/ingest/formats/WireFormatFuzzTestInputs/<method>/} (real documents and every
 * past finding). A long run: {@code ops/fuzz-long.sh ingest WireFormatFuzzTest#ninjs 10m}.
 */
class WireFormatFuzzTest {

  private static final Pattern MARKUP_WITHOUT_DECLARATIONS =
      Pattern.compile("<!--.*?-->|<!\\[CDATA\\[.*?]]>|<\\?.*?\\?>", Pattern.DOTALL);

  @FuzzTest
  void ninjs(byte[] document) {
    assertOnlyArticleExceptions(document, WireFormats.NINJS);
  }

  @FuzzTest
  void json(byte[] document) {
    assertOnlyArticleExceptions(document, "application/json");
  }

  @FuzzTest
  void ndjson(byte[] document) {
    assertOnlyArticleExceptions(document, WireFormats.NDJSON);
  }

  @FuzzTest
  void newsMl(byte[] document) {
    assertOnlyArticleExceptions(document, "application/vnd.iptc.g2.newsitem+xml");
  }

  @FuzzTest
  void rss(byte[] document) {
    assertOnlyArticleExceptions(document, "application/rss+xml");
  }

  @FuzzTest
  void atom(byte[] document) {
    assertOnlyArticleExceptions(document, "application/atom+xml");
  }

  @FuzzTest
  void plainText(byte[] document) {
    assertOnlyArticleExceptions(document, "text/plain");
  }

  @FuzzTest
  void html(byte[] document) {
    assertOnlyArticleExceptions(document, "text/html");
  }

  /** The cleaner turns any markup into normalised text: no exception, no surrounding whitespace, no raw tags kept. */
  @FuzzTest
  void htmlCleaner(byte[] document) {
    String html = new String(document, StandardCharsets.UTF_8);
    String text = HtmlText.toText(html);
    assertThat(text).isEqualTo(text.strip());
    assertThat(text).doesNotContain("\r");
    String plain = html.replace("<", "").replace("&", "").replace("alert", "");
    assertThat(HtmlText.toText("<p>" + plain + "</p><script>alert(1)</script>")).doesNotContain("alert(1)");
  }

  private static void assertOnlyArticleExceptions(byte[] bytes, String mediaType) {
    List<ParsedItem> items;
    try {
      items = WireFormats.read(bytes, mediaType);
    } catch (InvalidArticleException | UnsupportedFormatException expected) {
      assertThat(expected.getMessage()).isNotBlank();
      return;
    }
    assertThat(items).isNotEmpty();
    for (ParsedItem item : items) {
      if (item.ok()) {
        assertThat(item.article().headline()).isNotBlank();
      } else {
        assertThat(item.error().getMessage()).isNotBlank();
      }
    }
    if (mediaType.endsWith("xml")) {
      // a declaration, not the same letters inside a comment, CDATA section or processing instruction
      String markup = MARKUP_WITHOUT_DECLARATIONS.matcher(new String(bytes, StandardCharsets.ISO_8859_1)).replaceAll("");
      assertThat(markup.toUpperCase(Locale.ROOT)).as("XML with a DOCTYPE accepted").doesNotContain("<!DOCTYPE");
    }
  }
}

package io.newsflow.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every IPTC sample: text stories read with the right fields, everything else refused with its reason. */
class SampleCorpusTest {

  record Expected(String path, boolean accepted, String version, String language, String urgency, String headline,
                  String bodyOrReason) {
    @Override
    public String toString() {
      return path;
    }
  }

  static Stream<Expected> samples() throws IOException {
    try (InputStream in = resource("expected.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      return lines.stream().map(l -> l.split("\t", -1))
          .map(c -> new Expected(c[0], c[1].equals("accepted"), c[2], c[3], c[4], c[5], c[6]));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void readsEachSampleAsItsDocumentSays(Expected expected) throws IOException {
    // given
    byte[] bytes;
    try (InputStream in = resource(expected.path())) {
      bytes = in.readAllBytes();
    }
    String mediaType = expected.path().endsWith(".json") ? "application/json" : "application/xml";

    if (!expected.accepted()) {
      // when / then
      assertThatThrownBy(() -> WireFormats.parse(bytes, mediaType))
          .isInstanceOf(InvalidArticleException.class)
          .hasMessageContaining(expected.bodyOrReason());
      return;
    }
    // when
    List<ParsedArticle> articles = WireFormats.parse(bytes, mediaType);

    // then
    assertThat(articles).hasSize(1);
    ParsedArticle article = articles.get(0);
    assertThat(article.headline()).isEqualTo(expected.headline());
    assertThat(article.body()).startsWith(expected.bodyOrReason());
    assertThat(article.version()).isEqualTo(Long.parseLong(expected.version()));
    assertThat(article.language()).isEqualTo(dash(expected.language()));
    assertThat(article.urgency()).isEqualTo(dash(expected.urgency()) == null ? null : Integer.valueOf(expected.urgency()));
    assertThat(article.id()).isNotBlank();
  }

  private static String dash(String value) {
    return value.equals("-") ? null : value;
  }

  private static InputStream resource(String path) {
    InputStream in = SampleCorpusTest.class.getResourceAsStream("/samples/" + path);
    assertThat(in).as("test resource samples/%s", path).isNotNull();
    return in;
  }
}

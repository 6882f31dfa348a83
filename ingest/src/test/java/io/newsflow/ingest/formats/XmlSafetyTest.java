package io.newsflow.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.intake.ArticleIntake;
import io.newsflow.ingest.intake.ArticleIntake.ProblemDocumentException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile XML is refused with a 400 naming the cause, and nothing outside the document is ever read. */
class XmlSafetyTest {

  private static ProblemDocumentException refusal(String xml) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(ProblemDocumentException.class,
        () -> ArticleIntake.read(xml.getBytes(StandardCharsets.UTF_8), "application/xml"));
  }

  @Test
  void externalEntityPointingAtALocalFileIsRefusedAndTheFileNotRead(@TempDir Path dir) throws Exception {
    // given
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
        + "<newsItem guid=\"g\" version=\"1\"><contentMeta><headline>&xxe;</headline></contentMeta>"
        + "<contentSet><inlineData>&xxe;</inlineData></contentSet></newsItem>";

    // when
    ProblemDocumentException refused = refusal(xml);

    // then
    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().detail()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
  }

  @Test
  void externalDtdIsRefusedWithoutBeingFetched() throws Exception {
    // given
    AtomicInteger fetched = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      fetched.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://127.0.0.1:" + server.getAddress().getPort()
          + "/evil.dtd\"><rss version=\"2.0\"><channel><item><title>T</title><description>D</description>"
          + "</item></channel></rss>";

      // when
      ProblemDocumentException refused = refusal(xml);

      // then
      assertThat(refused.problem().status()).isEqualTo(400);
      assertThat(refused.problem().detail()).contains("DOCTYPE");
      assertThat(fetched.get()).isZero();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsEntityExpansionIsRefused() {
    // given
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    xml.append("]><newsItem guid=\"g\"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>");

    // when
    ProblemDocumentException refused = refusal(xml.toString());

    // then
    assertThat(refused.problem().status()).isEqualTo(400);
    assertThat(refused.problem().detail()).contains("DOCTYPE");
  }

  @Test
  void parameterEntitiesAreRefused() {
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x\">%p;]><feed/>";

    assertThat(refusal(xml).problem().detail()).contains("DOCTYPE");
  }

  @Test
  void xincludeIsNotResolved(@TempDir Path dir) throws Exception {
    // given
    Path secret = Files.writeString(dir.resolve("inc.txt"), "INCLUDED-SECRET");
    String xml = "<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><item><title>T</title>"
        + "<description>before <xi:include href=\"" + secret.toUri() + "\" parse=\"text\"/> after</description>"
        + "</item></channel></rss>";

    // when
    ParsedArticle article = WireFormats.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml").get(0);

    // then
    assertThat(article.body()).doesNotContain("INCLUDED-SECRET");
  }

  @Test
  void elementsNestedBeyondTheLimitAreRefused() {
    // given
    String xml = "<newsItem>" + "<a>".repeat(5000) + "</a>".repeat(5000) + "</newsItem>";

    // when / then
    assertThatThrownBy(() -> WireFormats.parse(xml.getBytes(StandardCharsets.UTF_8), "application/xml"))
        .isInstanceOf(InvalidArticleException.class);
  }

  @Test
  void invalidUtf8InXmlIsRefused() {
    byte[] xml = {'<', 'r', 's', 's', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'r', 's', 's', '>'};

    assertThatThrownBy(() -> WireFormats.parse(xml, "application/xml"))
        .isInstanceOf(InvalidArticleException.class)
        .hasMessageContaining("not well-formed");
  }

  @Test
  void encodingDeclaredInTheXmlDeclarationIsHonoured() {
    // given
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item>"
        + "<title>Caf\u00e9</title><description>Cr\u00e8me br\u00fbl\u00e9e</description></item></channel></rss>")
        .getBytes(StandardCharsets.ISO_8859_1);

    // when
    ParsedArticle article = WireFormats.parse(xml, "application/xml").get(0);

    // then
    assertThat(article.headline()).isEqualTo("Caf\u00e9");
    assertThat(article.body()).isEqualTo("Cr\u00e8me br\u00fbl\u00e9e");
  }
}

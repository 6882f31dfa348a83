package io.newsflow.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.SourceFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatsTest {

  private static List<ParsedItem> read(String text, String mediaType) {
    return WireFormats.read(text.getBytes(StandardCharsets.UTF_8), mediaType);
  }

  private static ParsedArticle one(String text, String mediaType) {
    List<ParsedArticle> articles = WireFormats.parse(text.getBytes(StandardCharsets.UTF_8), mediaType);
    assertThat(articles).hasSize(1);
    return articles.get(0);
  }

  @Test
  void jsonWithNinjsPropertiesIsReadAsNinjsAndOtherwiseAsANewsflowArticle() {
    ParsedArticle ninjs = one("{\"uri\":\"urn:x\",\"headline\":\"H\",\"body_text\":\"B\"}", "application/json");
    ParsedArticle simple = one("{\"id\":\"x\",\"headline\":\"H\",\"body\":\"B\"}", "application/json");

    assertThat(ninjs.format()).isEqualTo(SourceFormat.NINJS);
    assertThat(simple.format()).isEqualTo(SourceFormat.JSON);
  }

  @Test
  void ninjsEditorialStatusEmbargoAndMetadataAreRead() {
    // given
    String ninjs = "{\"uri\":\"urn:a\",\"type\":\"text\",\"version\":\"3\",\"pubStatus\":\"withheld\","
        + "\"embargoed\":\"2030-01-01T12:00:00Z\",\"firstCreated\":\"2029-12-31T10:00:00+01:00\",\"urgency\":\"2\","
        + "\"headlines\":[{\"role\":\"sub\",\"value\":\"Sub\"},{\"role\":\"main\",\"value\":\"Main\"}],"
        + "\"bylines\":[{\"byline\":\"A. Writer\"}],\"located\":\"Oslo\",\"slugline\":\"slug\",\"ednote\":\"note\","
        + "\"subjects\":[{\"name\":\"Politics\"},{\"uri\":\"medtop:11000000\"}],"
        + "\"bodies\":[{\"contentType\":\"text/html\",\"value\":\"<p>One <b>bold</b></p><p>Two<br>lines</p>\"}]}";

    // when
    ParsedArticle article = one(ninjs, "application/vnd.iptc.ninjs+json");

    // then
    assertThat(article.pubStatus()).isEqualTo(PubStatus.WITHHELD);
    assertThat(article.version()).isEqualTo(3);
    assertThat(article.embargoedUntil()).isEqualTo(Instant.parse("2030-01-01T12:00:00Z"));
    assertThat(article.firstCreated()).isEqualTo(Instant.parse("2029-12-31T09:00:00Z"));
    assertThat(article.urgency()).isEqualTo(2);
    assertThat(article.headline()).isEqualTo("Main");
    assertThat(article.bylines()).containsExactly("A. Writer");
    assertThat(article.dateline()).isEqualTo("Oslo");
    assertThat(article.subjects()).containsExactly("Politics", "medtop:11000000");
    assertThat(article.body()).isEqualTo("One bold\n\nTwo\nlines");
  }

  @Test
  void unknownNinjsPubstatusNamesTheField() {
    assertThatThrownBy(() -> one("{\"uri\":\"u\",\"pubstatus\":\"gone\",\"headline\":\"H\",\"body_text\":\"B\"}",
        "application/json"))
        .isInstanceOfSatisfying(InvalidArticleException.class, e -> assertThat(e.field()).isEqualTo("pubstatus"));
  }

  @Test
  void newsMlG2CanceledItemWithCorrectionSignalAndInlineDataTravels() {
    // given
    String xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:g\" version=\"4\">"
        + "<itemMeta><itemClass qcode=\"ninat:text\"/><pubStatus qcode=\"stat:canceled\"/>"
        + "<signal qcode=\"sig:correction\"/><embargoed>2030-01-01T00:00:00Z</embargoed></itemMeta>"
        + "<contentMeta><urgency>1</urgency><headline>Killed story</headline><dateline>PARIS</dateline>"
        + "<language tag=\"fr\"/></contentMeta>"
        + "<contentSet><inlineData contenttype=\"text/plain\">Line one\n\nLine two</inlineData></contentSet></newsItem>";

    // when
    ParsedArticle article = one(xml, "application/vnd.iptc.g2.newsitem+xml");

    // then
    assertThat(article.pubStatus()).isEqualTo(PubStatus.CANCELED);
    assertThat(article.signal()).isEqualTo("correction");
    assertThat(article.urgency()).isEqualTo(1);
    assertThat(article.version()).isEqualTo(4);
    assertThat(article.dateline()).isEqualTo("PARIS");
    assertThat(article.language()).isEqualTo("fr");
    assertThat(article.embargoedUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    assertThat(article.body()).isEqualTo("Line one\n\nLine two");
  }

  @Test
  void newsMessageYieldsEachNewsItemAndRefusesThePictureAlone() {
    // given
    String item = "<newsItem guid=\"urn:%s\"><itemMeta><itemClass qcode=\"ninat:%s\"/></itemMeta>"
        + "<contentMeta><headline>H</headline></contentMeta><contentSet><inlineXML><html><body><p>Text</p></body>"
        + "</html></inlineXML></contentSet></newsItem>";
    String xml = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
        + String.format(item, "t", "text") + String.format(item, "p", "picture") + "</itemSet></newsMessage>";

    // when
    List<ParsedItem> items = read(xml, "application/xml");

    // then
    assertThat(items).hasSize(2);
    assertThat(items.get(0).article().body()).isEqualTo("Text");
    assertThat(items.get(1).error().getMessage()).contains("ninat:picture");
  }

  @Test
  void rssItemsBecomeArticlesAndABadItemDoesNotCostTheOthers() {
    // given
    String rss = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><language>sv</language>"
        + "<item><title>First</title><link>http://x/1</link><dc:creator>Reporter</dc:creator>"
        + "<category>Sport</category><pubDate>Wed, 02 Oct 2002 13:00:00 GMT</pubDate>"
        + "<description>Short</description><content:encoded><![CDATA[<p>Full one.</p><p>Full two.</p>]]>"
        + "</content:encoded></item>"
        + "<item><title>No body</title><guid>g2</guid></item></channel></rss>";

    // when
    List<ParsedItem> items = read(rss, "application/rss+xml");

    // then
    ParsedArticle first = items.get(0).article();
    assertThat(first.id()).isEqualTo("http://x/1");
    assertThat(first.body()).isEqualTo("Full one.\n\nFull two.");
    assertThat(first.language()).isEqualTo("sv");
    assertThat(first.bylines()).containsExactly("Reporter");
    assertThat(first.subjects()).containsExactly("Sport");
    assertThat(first.published()).isEqualTo(Instant.parse("2002-10-02T13:00:00Z"));
    assertThat(first.versionStated()).isFalse();
    assertThat(items.get(1).ok()).isFalse();
    assertThat(items.get(1).error().field()).isEqualTo("item[1].body");
  }

  @Test
  void atomEntryWithXhtmlContentKeepsItsParagraphs() {
    // given
    String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry xml:lang=\"de\"><id>tag:x,2025:1</id>"
        + "<title type=\"html\">A &lt;b&gt;bold&lt;/b&gt; title</title>"
        + "<updated>2025-01-02T03:04:05Z</updated><published>2025-01-01T00:00:00Z</published>"
        + "<author><name>Autorin</name></author><category term=\"politik\"/>"
        + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Eins.</p><p>Zwei.</p></div>"
        + "</content></entry></feed>";

    // when
    ParsedArticle article = one(atom, "application/atom+xml");

    // then
    assertThat(article.id()).isEqualTo("tag:x,2025:1");
    assertThat(article.headline()).isEqualTo("A bold title");
    assertThat(article.body()).isEqualTo("Eins.\n\nZwei.");
    assertThat(article.language()).isEqualTo("de");
    assertThat(article.published()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(article.firstCreated()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(article.bylines()).containsExactly("Autorin");
    assertThat(article.subjects()).containsExactly("politik");
    assertThat(article.format()).isEqualTo(SourceFormat.ATOM);
  }

  @Test
  void htmlPageIsReducedToCleanTextWithParagraphBreaks() {
    // given
    String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Site | Story</title>"
        + "<link rel=\"canonical\" href=\"https://news.example/story\"><style>p{color:red}</style>"
        + "<script>alert('x')</script></head><body><nav>Menu</nav><article><h1>The headline</h1>"
        + "<p>First   paragraph\n with a <a href=\"#\">link</a>.</p><div>Second&nbsp;one</div>"
        + "<ul><li>Item</li></ul><script>track()</script></article></body></html>";

    // when
    ParsedArticle article = one(html, "text/html");

    // then
    assertThat(article.headline()).isEqualTo("The headline");
    assertThat(article.id()).isEqualTo("https://news.example/story");
    assertThat(article.language()).isEqualTo("en");
    assertThat(article.body()).isEqualTo("First paragraph with a link.\n\nSecond one\n\nItem");
  }

  @Test
  void plainTextTakesTheFirstLineAsHeadline() {
    ParsedArticle article = one("\uFEFFHeadline here\r\n\r\nPara one\r\nstill one\r\n\r\nPara two", "text/plain");

    assertThat(article.headline()).isEqualTo("Headline here");
    assertThat(article.body()).isEqualTo("Para one still one\n\nPara two");
  }

  @Test
  void ndjsonAndJsonArraysHoldSeveralArticlesEachJudgedAlone() {
    List<ParsedItem> ndjson = read("{\"headline\":\"A\",\"body\":\"a\"}\n\n{\"headline\":\"B\"}\n", "application/x-ndjson");
    List<ParsedItem> array = read("[{\"headline\":\"A\",\"body\":\"a\"},{\"uri\":\"u\",\"type\":\"picture\"}]",
        "application/json");

    assertThat(ndjson).extracting(ParsedItem::ok).containsExactly(true, false);
    assertThat(ndjson.get(1).error().field()).isEqualTo("line 3.body");
    assertThat(array).extracting(ParsedItem::ok).containsExactly(true, false);
    assertThat(array.get(1).error().getMessage()).contains("picture");
  }

  @Test
  void deeplyNestedJsonIsAnInvalidArticleNotAStackOverflow() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertThatThrownBy(() -> one(deep, "application/json")).isInstanceOf(InvalidArticleException.class);
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] bytes = {'H', 'i', '\n', (byte) 0xFF, 'x'};

    assertThatThrownBy(() -> WireFormats.parse(bytes, "text/plain"))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("UTF-8");
  }

  @Test
  void unsupportedMediaTypeSaysWhatWasExpected() {
    assertThatThrownBy(() -> one("x", "image/png"))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("image/png").hasMessageContaining("application/atom+xml");
  }

  @Test
  void xmlWithAnUnknownRootSaysWhatWasExpected() {
    assertThatThrownBy(() -> one("<html><body/></html>", "text/xml"))
        .isInstanceOf(InvalidArticleException.class).hasMessageContaining("<html>").hasMessageContaining("newsItem");
  }
}

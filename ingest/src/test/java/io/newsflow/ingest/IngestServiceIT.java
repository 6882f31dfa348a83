package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The ingest service against a real (embedded) Kafka broker, over HTTP, reading news.raw back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestServiceIT {

  private static final String TOKEN = "s3cret-reuters";

  private EmbeddedKafkaCluster kafka;
  private IngestService service;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startKafkaAndIngest() throws IOException {
    kafka = EmbeddedKafkaCluster.startTemporary();
    TopicAdmin.createTopics(clientProps(), 3, (short) 1);
    service = IngestService.start(config(1024 * 64));
  }

  @AfterAll
  void stop() {
    if (service != null) {
      service.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  private IngestConfig config(long maxBody) {
    Properties producer = clientProps();
    producer.put("acks", "all");
    producer.put("enable.idempotence", "true");
    return new IngestConfig(0, maxBody, "reuters:" + TOKEN + ",dpa:other-token", Duration.ofSeconds(10), producer,
        clientProps(), new IngestConfig.Limits(32 * 1024, 5),
        new IngestConfig.Feeds(List.of(), Duration.ofSeconds(60), Duration.ofMinutes(1), Duration.ofSeconds(5)), null);
  }

  private Properties clientProps() {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka.bootstrapServers());
    return props;
  }

  @Test
  void eachFormatPostedOverHttpReachesNewsRawWithItsFields() throws Exception {
    // given
    long before = endOffsetTotal();
    List<Post> posts = List.of(
        new Post("application/json", sample("ninjs/2.1/dpa_text.json")),
        new Post("application/vnd.iptc.ninjs+json", sample("ninjs/documentation-examples/3.1/005_complex_text_article.json")),
        new Post("application/vnd.iptc.g2.newsitem+xml", sample("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml")),
        new Post("application/rss+xml", rss("urn:rss:" + UUID.randomUUID())),
        new Post("application/atom+xml", atom("urn:atom:" + UUID.randomUUID())),
        new Post("text/plain", ("Plain headline " + UUID.randomUUID() + "\n\nFirst paragraph.\n\nSecond.").getBytes(StandardCharsets.UTF_8)),
        new Post("text/html", ("<html lang=\"fr\"><body><article><h1>Titre " + UUID.randomUUID()
            + "</h1><p>Un.</p><p>Deux.</p></article></body></html>").getBytes(StandardCharsets.UTF_8)),
        new Post("application/json", ("{\"id\":\"simple-" + UUID.randomUUID() + "\",\"headline\":\"Simple\","
            + "\"body\":\"Body text.\",\"language\":\"en\",\"urgency\":2,\"version\":3}").getBytes(StandardCharsets.UTF_8)));

    // when
    List<JsonNode> answers = new ArrayList<>();
    for (Post p : posts) {
      HttpResponse<String> response = post("/v1/articles", p.mediaType(), p.body(), TOKEN);
      assertThat(response.statusCode()).as(p.mediaType() + ": " + response.body()).isEqualTo(202);
      answers.add(Json.mapper().readTree(response.body()));
    }

    // then
    List<RawArticle> written = readRaw(before, posts.size());
    assertThat(written).hasSize(posts.size());
    assertThat(written).extracting(RawArticle::getSource).containsOnly("reuters");
    RawArticle dpa = find(written, "urn:newsml:dpa.com:20090101:190510-99-167362");
    assertThat(dpa.getVersion()).isEqualTo(2);
    assertThat(dpa.getLanguage()).isEqualTo("de");
    assertThat(dpa.getUrgency()).isEqualTo(4);
    assertThat(dpa.getHeadline()).isEqualTo("Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
    assertThat(dpa.getBody()).startsWith("Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».");
    RawArticle g2 = find(written, "urn:newsml:acmenews.com:20161121:US-FINANCE-FED");
    assertThat(g2.getVersion()).isEqualTo(11);
    assertThat(g2.getLanguage()).isEqualTo("en-US");
    assertThat(g2.getBody().split("\n\n")).hasSize(2);
    assertThat(written).extracting(a -> a.getFormat().name())
        .containsExactlyInAnyOrder("NINJS", "NINJS", "NEWSML_G2", "RSS", "ATOM", "TEXT", "HTML", "JSON");
    assertThat(answers).extracting(a -> a.get("status").asText()).containsOnly("accepted");
  }

  @Test
  void resendIsPublishedUntilNewsStoriesHasTheVersionThenAnsweredAsDuplicate() throws Exception {
    // given
    String id = "story-" + UUID.randomUUID();
    byte[] v1 = ("{\"id\":\"" + id + "\",\"headline\":\"H\",\"body\":\"B\",\"version\":1}").getBytes(StandardCharsets.UTF_8);
    byte[] v2 = ("{\"id\":\"" + id + "\",\"headline\":\"H\",\"body\":\"B corrected\",\"version\":2}").getBytes(StandardCharsets.UTF_8);
    long before = endOffsetTotal();

    // when a resend comes before enrich recorded the story, and again after
    int first = post("/v1/articles", "application/json", v1, TOKEN).statusCode();
    int early = post("/v1/articles", "application/json", v1, TOKEN).statusCode();
    recordStory(id, "reuters", 1, readRaw(before, 2).get(0).getTextDigest());
    HttpResponse<String> late = await().atMost(Duration.ofSeconds(30)).until(
        () -> post("/v1/articles", "application/json", v1, TOKEN), r -> r.statusCode() == 200);
    int higher = post("/v1/articles", "application/json", v2, TOKEN).statusCode();

    // then the early resend was published (enrich records it as a duplicate), the late one was not
    assertThat(first).isEqualTo(202);
    assertThat(early).isEqualTo(202);
    assertThat(Json.mapper().readTree(late.body()).get("status").asText()).isEqualTo("duplicate");
    assertThat(higher).isEqualTo(202);
    assertThat(readRaw(before, 3)).extracting(RawArticle::getVersion).containsExactly(1L, 1L, 2L);
    assertThat(endOffsetTotal()).isEqualTo(before + 3);
  }

  @Test
  void aNewInstanceReadsNothingAtStartAndLearnsStoriesFromNewsStories() throws Exception {
    // given a story on news.stories
    String id = "restart-" + UUID.randomUUID();
    byte[] article = ("{\"id\":\"" + id + "\",\"headline\":\"H\",\"body\":\"B\",\"version\":4}").getBytes(StandardCharsets.UTF_8);
    long before = endOffsetTotal();
    assertThat(post("/v1/articles", "application/json", article, TOKEN).statusCode()).isEqualTo(202);
    recordStory(id, "reuters", 4, readRaw(before, 1).get(0).getTextDigest());

    // when another instance starts, has followed news.stories, and is sent the same version
    int status;
    try (IngestService other = IngestService.start(config(1024 * 64))) {
      URI shown = URI.create("http://127.0.0.1:" + other.port() + "/v1/articles/" + id);
      await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(shown).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
      status = send(other.port(), "/v1/articles", "application/json", article, TOKEN).statusCode();
    }

    // then it answered duplicate from news.stories and wrote nothing more
    assertThat(status).isEqualTo(200);
    assertThat(endOffsetTotal()).isEqualTo(before + 1);
  }

  @Test
  void aStoryOfAnotherSourceIsRefusedWith403NotOwner() throws Exception {
    // given dpa owns a story
    String id = "urn:dpa:" + UUID.randomUUID();
    recordStory(id, "dpa", 1, "0".repeat(64));
    byte[] forged = ("{\"id\":\"" + id + "\",\"headline\":\"FORGED\",\"body\":\"B\",\"version\":2}")
        .getBytes(StandardCharsets.UTF_8);
    long before = endOffsetTotal();

    // when reuters updates it
    HttpResponse<String> answer = await().atMost(Duration.ofSeconds(30)).until(
        () -> post("/v1/articles", "application/json", forged, TOKEN), r -> r.statusCode() != 202);

    // then
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.mapper().readTree(answer.body()).get("type").asText()).endsWith("/not-owner");
    assertThat(endOffsetTotal()).isEqualTo(before);
  }

  @Test
  void canceledAndWithheldStatusTravelThrough() throws Exception {
    // given
    String ninjs = "{\"uri\":\"urn:kill:" + UUID.randomUUID() + "\",\"type\":\"text\",\"version\":\"2\","
        + "\"pubstatus\":\"canceled\",\"headline\":\"Killed\",\"body_text\":\"Withdrawn.\"}";
    long before = endOffsetTotal();

    // when
    int status = post("/v1/articles", "application/json", ninjs.getBytes(StandardCharsets.UTF_8), TOKEN).statusCode();

    // then
    assertThat(status).isEqualTo(202);
    assertThat(readRaw(before, 1).get(0).getPubStatus()).isEqualTo(PubStatus.CANCELED);
  }

  @Test
  void theSourceComesFromTheCredentialNotFromTheBody() throws Exception {
    // given
    String body = "{\"id\":\"src-" + UUID.randomUUID() + "\",\"source\":\"reuters\",\"headline\":\"H\",\"body\":\"B\"}";
    long before = endOffsetTotal();

    // when
    int status = post("/v1/articles", "application/json", body.getBytes(StandardCharsets.UTF_8), "other-token").statusCode();

    // then
    assertThat(status).isEqualTo(202);
    assertThat(readRaw(before, 1).get(0).getSource()).isEqualTo("dpa");
  }

  @Test
  void batchAnswersEachItemAndWritesOnlyTheGoodNewOnes() throws Exception {
    // given
    String id = "batch-" + UUID.randomUUID();
    String ndjson = "{\"id\":\"" + id + "-a\",\"headline\":\"A\",\"body\":\"a\"}\n"
        + "{\"id\":\"" + id + "-b\",\"headline\":\"B\"}\n"
        + "{\"id\":\"" + id + "-a\",\"headline\":\"A\",\"body\":\"a\"}\n"
        + "not json\n";
    long before = endOffsetTotal();

    // when
    HttpResponse<String> response = post("/v1/articles:batch", "application/x-ndjson",
        ndjson.getBytes(StandardCharsets.UTF_8), TOKEN);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = Json.mapper().readTree(response.body());
    // the repeated item is published too: enrich records it as a duplicate
    assertThat(json.get("accepted").asInt()).isEqualTo(2);
    assertThat(json.get("duplicate").asInt()).isZero();
    assertThat(json.get("rejected").asInt()).isEqualTo(2);
    assertThat(json.get("results").get(1).get("problem").get("field").asText()).isEqualTo("line 2.body");
    assertThat(json.get("results").get(3).get("problem").get("status").asInt()).isEqualTo(400);
    assertThat(readRaw(before, 2)).extracting(RawArticle::getId).containsExactly(id + "-a", id + "-a");
    assertThat(endOffsetTotal()).isEqualTo(before + 2);
  }

  @Test
  void refusedRequestsAnswerProblemDetailsAndWriteNothing() throws Exception {
    // given
    long before = endOffsetTotal();
    byte[] good = "{\"headline\":\"H\",\"body\":\"B\"}".getBytes(StandardCharsets.UTF_8);
    byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<newsItem guid=\"g\" version=\"1\"><contentMeta><headline>&x;</headline></contentMeta></newsItem>")
        .getBytes(StandardCharsets.UTF_8);
    byte[] tooBig = new byte[1024 * 65];
    byte[] badUtf8 = {'{', '"', 'h', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    StringBuilder deep = new StringBuilder();
    deep.append("[".repeat(5000)).append("]".repeat(5000));
    StringBuilder sixItems = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      sixItems.append("{\"headline\":\"H").append(i).append("\",\"body\":\"B\"}\n");
    }

    // when
    List<HttpResponse<String>> answers = List.of(
        post("/v1/articles", "application/pdf", good, TOKEN),
        post("/v1/articles", "application/json", "{\"headline\":\"H\"}".getBytes(StandardCharsets.UTF_8), TOKEN),
        post("/v1/articles", "application/xml", xxe, TOKEN),
        post("/v1/articles", "application/json", badUtf8, TOKEN),
        post("/v1/articles", "application/json", deep.toString().getBytes(StandardCharsets.UTF_8), TOKEN),
        post("/v1/articles", "application/json", good, null),
        post("/v1/articles", "application/json", good, "wrong-token"),
        post("/v1/articles:batch", "application/x-ndjson", sixItems.toString().getBytes(StandardCharsets.UTF_8), TOKEN));

    // then
    String oversized = rawPost("/v1/articles", "text/plain", tooBig, TOKEN);
    assertThat(answers).extracting(HttpResponse::statusCode)
        .containsExactly(415, 400, 400, 400, 400, 401, 403, 413);
    assertThat(oversized).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json");
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(Json.mapper().readTree(answer.body()).get("detail").asText()).isNotBlank();
    }
    assertThat(Json.mapper().readTree(answers.get(1).body()).get("field").asText()).isEqualTo("body");
    assertThat(answers.get(2).body()).contains("DOCTYPE");
    assertThat(endOffsetTotal()).isEqualTo(before);
  }

  @Test
  void aStoryOnNewsStoriesIsShownById() throws Exception {
    // given
    String id = "shown-" + UUID.randomUUID();
    recordStory(id, "reuters", 3, "a".repeat(64));

    // when
    HttpResponse<String> response = await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest
        .newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/articles/" + id)).build(),
        HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200);

    // then
    JsonNode json = Json.mapper().readTree(response.body());
    assertThat(json.get("owner").asText()).isEqualTo("reuters");
    assertThat(json.get("version").asLong()).isEqualTo(3);
  }

  /** What enrich's version gate writes once it let a version through. */
  private void recordStory(String id, String owner, long version, String textDigest) throws Exception {
    Properties props = clientProps();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.STORIES.name(), id, Json.write(Map.of("owner", owner,
          "version", version, "textDigest", textDigest, "killed", false)))).get();
    }
  }

  private record Post(String mediaType, byte[] body) {}

  private HttpResponse<String> post(String path, String mediaType, byte[] body, String token) throws Exception {
    return send(service.port(), path, mediaType, body, token);
  }

  private HttpResponse<String> send(int port, String path, String mediaType, byte[] body, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", mediaType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A request written on a plain socket: the server refuses an oversized body from its Content-Length without
   * reading it and closes, which java.net.http reports as a reset instead of the answer.
   */
  private String rawPost(String path, String mediaType, byte[] body, String token) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", service.port())) {
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + mediaType
          + "\r\nAuthorization: Bearer " + token + "\r\nContent-Length: " + body.length
          + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.setSoTimeout(30_000);
      // the status line and headers are all this check needs; the server keeps the connection open
      java.io.BufferedReader reader = new java.io.BufferedReader(
          new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder headers = new StringBuilder();
      for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
        headers.append(line).append('\n');
      }
      return headers.toString();
    }
  }

  private static byte[] sample(String path) throws IOException {
    try (InputStream in = IngestServiceIT.class.getResourceAsStream("/samples/" + path)) {
      return in.readAllBytes();
    }
  }

  private static byte[] rss(String guid) {
    return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><language>en</language>"
        + "<item><title>RSS headline</title><guid>" + guid + "</guid>"
        + "<description>&lt;p&gt;One.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</description>"
        + "<pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] atom(String id) {
    return ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>Wire</title>"
        + "<entry><id>" + id + "</id><title>Atom headline</title><updated>2025-06-10T04:00:00Z</updated>"
        + "<content type=\"html\">&lt;p&gt;One.&lt;/p&gt;</content></entry></feed>").getBytes(StandardCharsets.UTF_8);
  }

  private static RawArticle find(List<RawArticle> articles, String id) {
    return articles.stream().filter(a -> a.getId().equals(id)).findFirst().orElseThrow();
  }

  private long endOffsetTotal() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Records written after the partitions' total end offset was {@code before}, in offset order per partition. */
  private List<RawArticle> readRaw(long before, int expected) {
    List<RawArticle> all = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      while (records.size() < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
      for (ConsumerRecord<String, byte[]> r : records.subList(records.size() - (int) (end - before), records.size())) {
        RawArticle article = Topics.RAW.valueSerde().deserializer().deserialize(r.topic(), r.value());
        assertThat(r.key()).isEqualTo(article.getId());
        all.add(article);
      }
    }
    assertThat(all).as("records written").hasSizeGreaterThanOrEqualTo(expected);
    return all;
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Properties props = clientProps();
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(),
        new org.apache.kafka.common.serialization.ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    return consumer.partitionsFor(Topics.RAW.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }
}

package io.newsflow.launcher.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.kafka.embedded.SaslSsl;
import io.newsflow.nlp.entities.DictionaryEntityTagger;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.SinkService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against a secured cluster: SASL_SSL (SCRAM-SHA-512 over TLS, with a CA the test makes), the
 * StandardAuthorizer, one principal per service holding only the ACLs of {@link MinimalAcls} (ops/README.md). A
 * story goes from ingest to the index; a wrong password and a missing ACL fail at once with a line that names the
 * cause; the passwords read from files appear in no log line.
 */
class SecureClusterIT {

  private static final String TOKEN = "secure-it-token-5e1d";
  private static final Map<String, String> PASSWORDS = Map.of(
      "admin", "admin-pw-" + UUID.randomUUID(),
      "ingest", "ingest-pw-" + UUID.randomUUID(),
      "enrich", "enrich-pw-" + UUID.randomUUID(),
      "sink", "sink-pw-" + UUID.randomUUID());

  @TempDir
  static Path dir;

  static EmbeddedKafkaCluster kafka;
  static SaslSsl security;
  static LogCapture logs;
  static final List<AutoCloseable> services = new ArrayList<>();

  @BeforeAll
  static void startSecuredCluster() throws Exception {
    logs = LogCapture.attach();
    TestCa ca = TestCa.create(dir, "store-pw-" + UUID.randomUUID());
    security = new SaslSsl(ca.keyStore, ca.trustStore, ca.password, "User:" + TestCa.BROKER_DN, "admin", PASSWORDS);
    kafka = EmbeddedKafkaCluster.builder().dataDir(dir.resolve("kafka")).saslSsl(security).start();
    Properties admin = admin();
    TopicAdmin.createTopics(admin, 1, (short) 1);
    try (Admin client = Admin.create(admin)) {
      client.createAcls(MinimalAcls.all()).all().get();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (AutoCloseable service : services) {
      service.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  @Test
  void aStoryGoesThroughThePipelineWithOnePrincipalPerServiceAndNoSecretIsLogged() throws Exception {
    // given each service with its own principal, its password read from a file
    IngestService ingest = IngestService.start(IngestConfig.from(settings("ingest", PASSWORDS.get("ingest"), Map.of(
        "NEWSFLOW_API_TOKENS", "wire:" + TOKEN, "NEWSFLOW_INGEST_PORT", "0"))));
    services.add(ingest);
    services.add(EnrichService.start(EnrichConfig.from(settings("enrich", PASSWORDS.get("enrich"), Map.of(
        "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_ENRICH_STATE_DIR", dir.resolve("enrich").toString())),
        kafka.bootstrapServers()), new Enricher(LanguageIdentifier.load(), DictionaryEntityTagger.sample(),
        (text, found) -> StanceTagger.Result.empty(), Clock.systemUTC())));
    services.add(SinkService.start(SinkConfig.from(settings("sink", PASSWORDS.get("sink"), Map.of(
        "NEWSFLOW_SINK_PORT", "0", "NEWSFLOW_SINK_STATE_DIR", dir.resolve("sink").toString(),
        "NEWSFLOW_SINK_RESOLVE_ENTITIES", "false")), kafka.bootstrapServers())));
    String headline = "Secured council vote " + UUID.randomUUID();

    // when
    int status = post(ingest.port(), "{\"id\":\"secure-1\",\"version\":1,\"headline\":\"" + headline
        + "\",\"body\":\"The council met on Tuesday. Officials said a decision would follow.\",\"language\":\"en\"}");

    // then
    assertThat(status).isEqualTo(202);
    try (KafkaConsumer<String, String> index = consumer(Topics.INDEX.name())) {
      await().atMost(Duration.ofMinutes(3)).until(() -> {
        for (ConsumerRecord<String, String> r : index.poll(Duration.ofMillis(500))) {
          if (r.value() != null && r.value().contains(headline)) {
            return true;
          }
        }
        return false;
      });
    }
    for (String password : PASSWORDS.values()) {
      assertThat(logs.text()).doesNotContain(password);
    }
  }

  @Test
  void aWrongPasswordStopsTheServiceAtOnceNamingTheSetting() {
    // when ingest starts with a wrong password
    long started = System.nanoTime();
    assertThatThrownBy(() -> services.add(IngestService.start(IngestConfig.from(settings("ingest", "wrong-password",
        Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN, "NEWSFLOW_INGEST_PORT", "0"))))))
        // then
        .hasMessageContaining("Authentication failed")
        .hasMessageContaining("sasl.jaas.config");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    assertThat(logs.text()).doesNotContain("wrong-password");
  }

  @Test
  void aMissingAclIsReportedNamingTheTopicAndTheOperation() {
    // when enrich's principal (READ on news.raw, no WRITE) runs ingest
    assertThatThrownBy(() -> services.add(IngestService.start(IngestConfig.from(settings("enrich",
        PASSWORDS.get("enrich"), Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN, "NEWSFLOW_INGEST_PORT", "0"))))))
        // then (news.stories, which ingest reads, is listed too once another test has created it)
        .hasMessageStartingWith("ingest: Kafka does not allow ")
        .hasMessageContaining("WRITE on topic news.raw");
    // and the sink's principal, with no grant on news.raw at all
    assertThatThrownBy(() -> services.add(IngestService.start(IngestConfig.from(settings("sink", PASSWORDS.get("sink"),
        Map.of("NEWSFLOW_API_TOKENS", "wire:" + TOKEN, "NEWSFLOW_INGEST_PORT", "0"))))))
        .hasMessageContaining("refuses every access to topic news.raw").hasMessageContaining("WRITE");
    assertThat(logs.text()).containsPattern("KafkaAccess ERROR ingest: Kafka does not allow [^\\n]*WRITE on topic news.raw");
  }

  /** A service's settings: SASL_SSL as {@code user}, the JAAS configuration read from a file. */
  private static Settings settings(String user, String password, Map<String, String> more) throws Exception {
    Path jaas = Files.writeString(Files.createTempFile(dir, user + "-jaas", ""), SaslSsl.jaas(user, password));
    Map<String, String> env = new HashMap<>(more);
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
    env.put("KAFKA_SASL_MECHANISM", SaslSsl.MECHANISM);
    env.put("KAFKA_SASL_JAAS_CONFIG_FILE", jaas.toString());
    env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", security.trustStore().toString());
    env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", security.storePassword());
    return Settings.from(env);
  }

  private static Properties admin() {
    Properties p = security.clientProperties("admin", PASSWORDS.get("admin"));
    p.put("bootstrap.servers", kafka.bootstrapServers());
    return p;
  }

  private static KafkaConsumer<String, String> consumer(String topic) {
    Properties p = admin();
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "secure-it-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  private static int post(int port, String json) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/articles"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

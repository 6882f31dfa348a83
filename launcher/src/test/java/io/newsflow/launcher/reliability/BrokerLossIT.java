package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enrichment;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.launcher.IndexTopicReader;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three brokers, replication factor 3, min.insync.replicas 2: losing one broker while stories flow through all
 * three stages loses nothing that ingest accepted (202); with two brokers down Kafka cannot acknowledge and ingest
 * answers 503, not 202. A 503 means "not confirmed": the producer may still deliver the record once a broker is
 * back, and the newsroom's retry then makes a second copy of the same story version, which enrich records as a
 * duplicate, so the index holds one document.
 *
 * <p>The broker stopped is the active KRaft controller, which also leads about a third of the partitions
 * (including transaction and group coordinators): the hardest single loss. It is stopped only once stories are
 * being indexed, and stories keep arriving after it.
 */
class BrokerLossIT {

  private static final Logger log = LoggerFactory.getLogger(BrokerLossIT.class);
  private static final String TOKEN = "broker-loss-token";
  private static final int STORIES_AFTER_LOSS = 20;
  private static final String NOT_CONFIRMED = "urn:broker-loss:not-confirmed";

  @TempDir
  Path dir;

  @Test
  void losesNoAcceptedStoryWhenOneOfThreeBrokersStopsAndRefusesWritesWhenTwoStop() throws Exception {
    // given
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().nodes(3).dataDir(dir.resolve("kafka")).start()) {
      Pipeline pipeline = Pipeline.start(Map.of(
              "KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(),
              "NEWSFLOW_REPLICATION_FACTOR", "3",
              "NEWSFLOW_API_TOKENS", "wire:" + TOKEN,
              "NEWSFLOW_INGEST_ACK_TIMEOUT", "5s",
              // longer than the ack timeout, as in production (30 s > 10 s), with room for a broker restart
              "KAFKA_DELIVERY_TIMEOUT_MS", "120000",
              "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
          dir, 0, Enrichment::standard);
      ExecutorService poster = Executors.newSingleThreadExecutor();
      try (IndexTopicReader index = IndexTopicReader.index(cluster.bootstrapServers())) {
        Newsroom newsroom = new Newsroom(pipeline.ingestPort(), TOKEN);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean brokerStopped = new AtomicBoolean();
        Future<?> flow = poster.submit(() -> {
          int afterLoss = 0;
          for (int i = 0; afterLoss < STORIES_AFTER_LOSS; i++) {
            boolean lost = brokerStopped.get();
            String id = "urn:broker-loss:" + i;
            if (newsroom.post(id, 1, "Broker loss story " + i) == 202) {
              accepted.add(id);
            } else {
              refused.incrementAndGet();
            }
            afterLoss += lost ? 1 : 0;
            Thread.sleep(50);
          }
          return null;
        });
        await().atMost(Duration.ofMinutes(2)).until(() -> !index.poll().isEmpty() && accepted.size() >= 10);
        assertEveryTopicReplicatedThreeTimesWithMinIsrTwo(cluster.bootstrapServers());

        // when: the active controller stops while stories flow
        int stopped = cluster.activeControllerIndex();
        log.info("Stopping node {} (the active controller) with {} stories accepted, {} indexed", stopped,
            accepted.size(), index.poll().size());
        cluster.stopNode(stopped);
        brokerStopped.set(true);
        flow.get(3, java.util.concurrent.TimeUnit.MINUTES);

        // then: every accepted story is indexed, nothing duplicated
        log.info("{} stories accepted, {} refused", accepted.size(), refused.get());
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> assertThat(index.poll().keySet()).containsAll(accepted));
        AuditReport report = Audits.audit(cluster.bootstrapServers());
        assertThat(report.unaccounted()).isEmpty();
        assertThat(report.duplicated()).isEmpty();
        assertThat(report.accepted()).isGreaterThanOrEqualTo(accepted.size());
        assertThat(indexedIds(cluster.bootstrapServers())).containsAll(accepted);

        // when: a second broker stops, fewer replicas remain than min.insync.replicas
        int second = stopped == 0 ? 1 : 0;
        cluster.stopNode(second);
        int status = newsroom.post(NOT_CONFIRMED, 1, "Written with one broker left");

        // then
        assertThat(status).isEqualTo(503);

        // when: the broker comes back while the producer still retries the refused record (its delivery timeout
        // outlasts the 503), so the record lands after all; the newsroom retries as a 503 tells it to
        cluster.restartNode(second);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
            .until(() -> rawCopies(cluster.bootstrapServers(), NOT_CONFIRMED) == 1);
        int retry = newsroom.post(NOT_CONFIRMED, 1, "Written with one broker left");

        // then: ingest's story view already knows that version (200 duplicate, nothing published) or has not caught
        // up yet (202, a second copy that enrich records as a duplicate); either way one index document
        assertThat(retry).isIn(200, 202);
        int copies = retry == 202 ? 2 : 1;
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          TopicContents topics = Audits.read(cluster.bootstrapServers());
          assertThat(topics.raw()).filteredOn(r -> NOT_CONFIRMED.equals(r.id())).hasSize(copies);
          assertThat(topics.duplicates()).filteredOn(d -> NOT_CONFIRMED.equals(d.id())).hasSize(copies - 1);
          assertThat(topics.index()).filteredOn(r -> NOT_CONFIRMED.equals(r.key())).hasSize(1);
        });
        AuditReport afterRetry = Audits.audit(cluster.bootstrapServers());
        assertThat(afterRetry.unaccounted()).isEmpty();
        assertThat(afterRetry.duplicated()).isEmpty();
      } finally {
        poster.shutdownNow();
        pipeline.close();
      }
    }
  }

  private static long rawCopies(String bootstrap, String id) {
    return Audits.read(bootstrap).raw().stream().filter(r -> id.equals(r.id())).count();
  }

  private static Set<String> indexedIds(String bootstrap) {
    TopicContents topics = Audits.read(bootstrap);
    return topics.index().stream().filter(r -> !r.tombstone()).map(TopicContents.IndexRecord::key).collect(Collectors.toSet());
  }

  /**
   * Every topic, the Streams applications' repartition and changelog topics and Kafka's own
   * {@code __consumer_offsets} and {@code __transaction_state} included: a single topic with one replica on the
   * stopped broker would stall the exactly-once pipeline.
   */
  private static void assertEveryTopicReplicatedThreeTimesWithMinIsrTwo(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
      assertThat(names).contains("__consumer_offsets", "__transaction_state", "news.raw", "news.index")
          .anyMatch(n -> n.startsWith("newsflow-enrich-") && n.endsWith("-repartition"))
          .anyMatch(n -> n.startsWith("newsflow-enrich-") && n.endsWith("-changelog"))
          .anyMatch(n -> n.startsWith("newsflow-sink-") && n.endsWith("-changelog"));
      Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
      List<ConfigResource> resources = new ArrayList<>();
      for (String name : names) {
        assertThat(topics.get(name).partitions()).as("replicas of %s", name)
            .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
        resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
      }
      admin.describeConfigs(resources).all().get().forEach((resource, config) ->
          assertThat(config.get("min.insync.replicas").value()).as("min.insync.replicas of %s", resource.name())
              .isEqualTo("2"));
      log.info("{} topics, each with 3 replicas and min.insync.replicas 2", names.size());
    }
  }
}

package io.newsflow.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.Enrichment;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.launcher.Pipeline;
import io.newsflow.launcher.audit.AuditReport;
import io.newsflow.launcher.audit.TopicContents;
import io.newsflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three brokers, replication factor 3, min.insync.replicas 2: losing one broker while stories flow loses nothing
 * that ingest accepted (202); with two brokers down Kafka cannot acknowledge and ingest answers 503, not 202.
 */
@Disabled("Fails since the stories-over-time topology landed: after one of three brokers stops, no story reaches "
    + "news.index within 4 minutes (followers marked partitions of the stopped leader as failed). Passed before that "
    + "merge; under investigation, see docs/reliability.md")
class BrokerLossIT {

  private static final String TOKEN = "broker-loss-token";

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
              "NEWSFLOW_INGEST_PORT", "0", "NEWSFLOW_ENRICH_HTTP_PORT", "0", "NEWSFLOW_SINK_PORT", "0"),
          dir, 0, Enrichment::standard);
      try {
        assertReplicatedThreeTimesWithMinIsrTwo(cluster.bootstrapServers());
        Newsroom newsroom = new Newsroom(pipeline.ingestPort(), TOKEN);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        int stories = 40;
        ExecutorService poster = Executors.newSingleThreadExecutor();
        Future<?> flow = poster.submit(() -> {
          for (int i = 0; i < stories; i++) {
            String id = "urn:broker-loss:" + i;
            int status = newsroom.post(id, 1, "Broker loss story " + i);
            if (status == 202) {
              accepted.add(id);
            } else {
              refused.incrementAndGet();
            }
          }
          return null;
        });

        // when: one broker stops while stories flow
        await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= 10);
        cluster.stopNode(0);
        flow.get();
        poster.shutdown();

        // then: every accepted story is indexed, nothing duplicated
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
          AuditReport report = Audits.audit(cluster.bootstrapServers());
          assertThat(report.unaccounted()).isEmpty();
          assertThat(indexedIds(cluster.bootstrapServers())).containsAll(accepted);
        });
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(10);
        AuditReport report = Audits.audit(cluster.bootstrapServers());
        assertThat(report.clean()).isTrue();
        assertThat(report.accepted()).isGreaterThanOrEqualTo(accepted.size());

        // when: a second broker stops, fewer replicas remain than min.insync.replicas
        cluster.stopNode(1);
        int status = newsroom.post("urn:broker-loss:no-quorum", 1, "Written with one broker left");

        // then
        assertThat(status).isEqualTo(503);
        cluster.restartNode(1);
      } finally {
        pipeline.close();
      }
    }
  }

  private static Set<String> indexedIds(String bootstrap) {
    TopicContents topics = Audits.read(bootstrap);
    return topics.index().stream().filter(r -> !r.tombstone()).map(TopicContents.IndexRecord::key).collect(Collectors.toSet());
  }

  private static void assertReplicatedThreeTimesWithMinIsrTwo(String bootstrap) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(props)) {
      TopicDescription raw = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get().get(Topics.RAW.name());
      assertThat(raw.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      var resource = new org.apache.kafka.common.config.ConfigResource(
          org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.RAW.name());
      String minIsr = admin.describeConfigs(List.of(resource)).all().get().get(resource).get("min.insync.replicas").value();
      assertThat(minIsr).isEqualTo("2");
    }
  }
}

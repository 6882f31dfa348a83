package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.kafka.embedded.EmbeddedKafkaCluster;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import io.newsflow.platform.kafka.TopicAdmin;
import io.newsflow.schemas.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two enrich instances with one application id share the partitions of news.raw and enrich each story once. */
class ScalingIT {

  private static final int PARTITIONS = 4;
  private static final int STORIES = 40;

  @Test
  void twoEnrichInstancesSplitThePartitionsAndProcessEveryStoryExactlyOnce(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.startTemporary()) {
      // given: topics with four partitions, an ingest, and two enrich instances of one application
      String bootstrap = kafka.bootstrapServers();
      Map<String, String> env = Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", bootstrap,
          IngestConfig.PORT.name(), "0",
          IngestConfig.API_TOKENS.name(), OpsFixtures.TOKENS,
          EnrichConfig.HTTP_PORT.name(), "0",
          EnrichConfig.APPLICATION_ID.name(), "scaling-enrich");
      TopicAdmin.createTopics(KafkaSettings.common(Settings.from(env), bootstrap), PARTITIONS, (short) 1);
      try (IngestService ingest = IngestService.start(IngestConfig.from(Settings.from(env)));
           EnrichService first = startEnrich(env, dir.resolve("first"), bootstrap);
           EnrichService second = startEnrich(env, dir.resolve("second"), bootstrap)) {

        await("both instances running with a share of news.raw").atMost(Duration.ofMinutes(4))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> running(first) && running(second)
                && !rawPartitions(first).isEmpty() && !rawPartitions(second).isEmpty()
                && union(first, second).size() == PARTITIONS);

        // when: stories arrive through the API
        Set<String> accepted = new HashSet<>();
        for (int n = 0; n < STORIES; n++) {
          HttpResponse<String> response = OpsFixtures.HTTP.send(OpsFixtures.post(ingest.port(), OpsFixtures.article(n)),
              HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
          accepted.add(OpsFixtures.json(response).path("id").asText());
        }

        // then: the partitions are split without overlap, and every story is enriched exactly once
        Set<TopicPartition> mine = rawPartitions(first);
        Set<TopicPartition> yours = rawPartitions(second);
        assertThat(mine).isNotEmpty().doesNotContainAnyElementsOf(yours);
        assertThat(union(first, second)).hasSize(PARTITIONS);
        assertThat(accepted).hasSize(STORIES);

        await("every story enriched").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> Set.copyOf(OpsFixtures.committedKeys(bootstrap, Topics.ENRICHED.name())).containsAll(accepted));
        Map<String, Long> perStory = OpsFixtures.committedKeys(bootstrap, Topics.ENRICHED.name()).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perStory.keySet()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(perStory).allSatisfy((story, count) -> assertThat(count).as(story).isEqualTo(1L));
        assertThat(mine.size() + yours.size()).isEqualTo(PARTITIONS);
      }
    }
  }

  private static EnrichService startEnrich(Map<String, String> env, Path stateDir, String bootstrap) throws Exception {
    Map<String, String> own = new HashMap<>(env);
    own.put(EnrichConfig.STATE_DIR.name(), stateDir.toString());
    return EnrichService.start(EnrichConfig.from(Settings.from(own), bootstrap), OpsFixtures.enricherWithoutModels());
  }

  private static boolean running(EnrichService service) {
    return service.streams().state() == KafkaStreams.State.RUNNING;
  }

  private static Set<TopicPartition> rawPartitions(EnrichService service) {
    return service.streams().activePartitions().stream()
        .filter(p -> p.topic().equals(Topics.RAW.name()))
        .collect(Collectors.toSet());
  }

  private static Set<TopicPartition> union(EnrichService first, EnrichService second) {
    Set<TopicPartition> all = new HashSet<>(rawPartitions(first));
    all.addAll(rawPartitions(second));
    return all;
  }
}

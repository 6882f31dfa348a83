package io.newsflow.launcher.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.platform.json.Json;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.sink.SinkConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Prometheus scrapes what the compose files run; the dashboard queries meters the services define. */
class MonitoringFilesTest {

  @Test
  void scrapesEveryNewsflowServiceOfEachComposeFileOnItsPort() {
    // given
    Map<String, String> prometheusFor = Map.of("docker-compose.yml", "ops/prometheus/prometheus.yml",
        "docker-compose.scale.yml", "ops/prometheus/prometheus-scale.yml");

    prometheusFor.forEach((composeFile, prometheusFile) -> {
      // when
      Set<String> expected = new TreeSet<>();
      RepoFiles.newsflowServices(RepoFiles.compose(composeFile)).forEach((name, service) -> {
        Map<String, String> env = RepoFiles.environment(service);
        String port = switch (RepoFiles.command(service)) {
          case "ingest" -> env.get(IngestConfig.PORT.name());
          case "enrich" -> env.get(EnrichConfig.HTTP_PORT.name());
          case "sink" -> env.get(SinkConfig.HTTP_PORT.name());
          default -> null;
        };
        if (port != null) {
          expected.add(name + ":" + port);
        }
      });

      // then
      assertThat(scrapeTargets(prometheusFile)).as("%s scrapes the services of %s", prometheusFile, composeFile)
          .containsExactlyInAnyOrderElementsOf(expected);
    });
  }

  @Test
  void queriesOnlyNewsflowMetersThatMetricNamesDefines() throws Exception {
    // given
    JsonNode dashboard = Json.mapper().readTree(RepoFiles.read("ops/grafana/newsflow.json"));
    Set<String> exposed = new TreeSet<>(MetricNames.EXPOSED.values());

    // when
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher m = Pattern.compile("newsflow_[a-z_]+").matcher(target.path("expr").asText());
        while (m.find()) {
          queried.add(m.group().replaceAll("_(bucket|sum|count|max)$", ""));
        }
      }
    }

    // then: every pipeline meter is on the dashboard, and the dashboard asks for nothing else
    assertThat(queried).containsExactlyInAnyOrderElementsOf(exposed);
  }

  @SuppressWarnings("unchecked")
  private static List<String> scrapeTargets(String prometheusFile) {
    Map<String, Object> config = new Yaml().load(RepoFiles.read(prometheusFile));
    List<String> targets = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
        targets.addAll((List<String>) group.get("targets"));
      }
    }
    return targets;
  }
}

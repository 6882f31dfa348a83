package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

  @Test
  void defaultsApplyWhenNothingIsSet() {
    IngestConfig config = IngestConfig.from(Settings.from(Map.of()));

    assertThat(config.limits().maxArticleBytes()).isEqualTo(2L * 1024 * 1024);
    assertThat(config.limits().maxBatchItems()).isEqualTo(1000);
    assertThat(config.feeds().feeds()).isEmpty();
    assertThat(config.feeds().interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.dropFolder()).isNull();
    assertThat(config.consumer()).doesNotContainKey("acks").containsEntry("bootstrap.servers", "localhost:9092");
  }

  @Test
  void feedsAndDropFolderAreReadFromTheEnvironment() {
    IngestConfig config = IngestConfig.from(Settings.from(Map.of(
        "NEWSFLOW_INGEST_FEEDS", "afp=https://feeds.example/afp.xml, https://wire.example/atom",
        "NEWSFLOW_INGEST_FEED_INTERVAL", "5m",
        "NEWSFLOW_INGEST_DROP_DIR", "/var/spool/newsflow",
        "NEWSFLOW_INGEST_DROP_SOURCE", "archive")));

    assertThat(config.feeds().feeds()).containsExactly(
        new IngestConfig.Feed("afp", URI.create("https://feeds.example/afp.xml")),
        new IngestConfig.Feed("wire.example", URI.create("https://wire.example/atom")));
    assertThat(config.feeds().interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.dropFolder().dir()).isEqualTo(Path.of("/var/spool/newsflow"));
    assertThat(config.dropFolder().source()).isEqualTo("archive");
  }

  @Test
  void aFeedThatIsNotAnHttpUrlStopsTheStart() {
    assertThatThrownBy(() -> IngestConfig.from(Settings.from(Map.of("NEWSFLOW_INGEST_FEEDS", "x=file:///etc/passwd"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("NEWSFLOW_INGEST_FEEDS");
  }

  @Test
  void everySettingIsListedForTheLauncher() {
    assertThat(IngestConfig.SETTINGS).extracting(s -> s.name())
        .contains("NEWSFLOW_INGEST_FEEDS", "NEWSFLOW_INGEST_DROP_DIR", "NEWSFLOW_INGEST_MAX_ARTICLE_BYTES",
            "NEWSFLOW_INGEST_MAX_BATCH_ITEMS", "NEWSFLOW_INGEST_RESTORE")
        .doesNotHaveDuplicates();
  }
}

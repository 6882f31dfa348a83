package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.enrich.dedup.NearDuplicateRule;
import io.newsflow.enrich.stories.StoryPolicy;
import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

  @Test
  void storyPolicyDefaultsToTheDocumentedValues() {
    EnrichConfig config = EnrichConfig.from(Settings.from(Map.of()), "localhost:9092");

    assertThat(config.stories()).isEqualTo(StoryPolicy.standard());
  }

  @Test
  void readsStoryPolicyFromTheEnvironment() {
    EnrichConfig config = EnrichConfig.from(Settings.from(Map.of(
        "NEWSFLOW_ENRICH_EMBARGO_CHECK", "250ms",
        "NEWSFLOW_ENRICH_RESEND_RETENTION", "2h",
        "NEWSFLOW_ENRICH_NEAR_DUPLICATE_WINDOW", "30m",
        "NEWSFLOW_ENRICH_NEAR_DUPLICATE_THRESHOLD", "0.5")), "localhost:9092");

    assertThat(config.stories()).isEqualTo(new StoryPolicy(Duration.ofMillis(250), Duration.ofHours(2),
        Duration.ofMinutes(30), new NearDuplicateRule(0.5)));
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() {
    assertThatThrownBy(() -> EnrichConfig.from(Settings.from(Map.of("NEWSFLOW_ENRICH_NEAR_DUPLICATE_THRESHOLD", "1.5")),
        "localhost:9092"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("NEWSFLOW_ENRICH_NEAR_DUPLICATE_THRESHOLD");
  }

  @Test
  void readsTheLanguageOfEachSourceAndADefault() {
    EnrichConfig config = EnrichConfig.from(Settings.from(Map.of("NEWSFLOW_ENRICH_SOURCE_LANGUAGES", "reuters:en, afp:fr",
        "NEWSFLOW_ENRICH_DEFAULT_LANGUAGE", "en")), "localhost:9092");

    assertThat(config.sourceLanguages().of("afp")).hasValue("fr");
    assertThat(config.sourceLanguages().of("reuters")).hasValue("en");
    assertThat(config.sourceLanguages().of("desk")).hasValue("en");
    assertThat(EnrichConfig.from(Settings.from(Map.of()), "localhost:9092").sourceLanguages().of("desk")).isEmpty();
    assertThatThrownBy(() -> EnrichConfig.from(Settings.from(Map.of("NEWSFLOW_ENRICH_SOURCE_LANGUAGES", "reuters")),
        "localhost:9092")).hasMessageContaining("source:language");
  }
}

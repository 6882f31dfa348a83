package io.newsflow.enrich;

import io.newsflow.enrich.dedup.NearDuplicateRule;
import io.newsflow.enrich.stories.StoryPolicy;
import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.Setting;
import io.newsflow.platform.config.Settings;
import io.newsflow.platform.kafka.KafkaSettings;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich service.
 *
 * @param httpPort port of /health and /metrics
 * @param streams  Kafka Streams properties (exactly-once v2, dead letters to news.deadletter)
 * @param stories  how versions, embargoes, resends and near-duplicates are treated
 * @param sourceLanguages language of each source, for stories whose language cannot be detected
 */
public record EnrichConfig(int httpPort, Properties streams, StoryPolicy stories, SourceLanguages sourceLanguages) {

  public static final Setting HTTP_PORT = new Setting("NEWSFLOW_ENRICH_HTTP_PORT", "8081",
      "Port of the enrich service's /health and /metrics");
  public static final Setting APPLICATION_ID = new Setting("NEWSFLOW_ENRICH_APPLICATION_ID", "newsflow-enrich",
      "Kafka Streams application id: instances with the same id share the work");
  public static final Setting STATE_DIR = new Setting("NEWSFLOW_ENRICH_STATE_DIR", "/tmp/newsflow/enrich",
      "Kafka Streams state directory (keep it on a volume)");
  public static final Setting THREADS = new Setting("NEWSFLOW_ENRICH_THREADS", "1",
      "Stream threads per enrich instance");
  public static final Setting EMBARGO_CHECK = new Setting("NEWSFLOW_ENRICH_EMBARGO_CHECK",
      StoryPolicy.DEFAULT_EMBARGO_CHECK.toSeconds() + "s",
      "How often (wall clock) held embargoed stories are checked for release");
  public static final Setting RESEND_RETENTION = new Setting("NEWSFLOW_ENRICH_RESEND_RETENTION",
      StoryPolicy.DEFAULT_RESEND_RETENTION.toHours() + "h",
      "How long a text digest is remembered to recognise an exact resend (bounds the text-fingerprints store)");
  public static final Setting NEAR_DUPLICATE_WINDOW = new Setting("NEWSFLOW_ENRICH_NEAR_DUPLICATE_WINDOW",
      StoryPolicy.DEFAULT_NEAR_DUPLICATE_WINDOW.toHours() + "h",
      "How long a story stays a near-duplicate candidate (bounds the near-duplicate-bands store)");
  public static final Setting NEAR_DUPLICATE_THRESHOLD = new Setting("NEWSFLOW_ENRICH_NEAR_DUPLICATE_THRESHOLD",
      String.valueOf(NearDuplicateRule.DEFAULT_THRESHOLD),
      "Estimated Jaccard similarity of word 2-shingles at or above which two stories from different sources are one story");

  public static final Setting SOURCE_LANGUAGES = new Setting("NEWSFLOW_ENRICH_SOURCE_LANGUAGES", "",
      "Language of each source as source:language pairs (reuters:en,afp:fr), used when a story's language cannot be detected");
  public static final Setting DEFAULT_LANGUAGE = new Setting("NEWSFLOW_ENRICH_DEFAULT_LANGUAGE", "",
      "Language of sources not in NEWSFLOW_ENRICH_SOURCE_LANGUAGES when a story's language cannot be detected; empty: none");

  /** Longer than the budgets of one article's NLP steps ({@code EnrichService.ARTICLE_STEP_BUDGET} each). */
  static final String TRANSACTION_TIMEOUT_MS = "120000";

  public static final List<Setting> SETTINGS = List.of(HTTP_PORT, APPLICATION_ID, STATE_DIR, THREADS, EMBARGO_CHECK,
      RESEND_RETENTION, NEAR_DUPLICATE_WINDOW, NEAR_DUPLICATE_THRESHOLD, SOURCE_LANGUAGES, DEFAULT_LANGUAGE);

  public static EnrichConfig from(Settings settings, String bootstrap) {
    Properties props = KafkaSettings.streams(settings, bootstrap, settings.get(APPLICATION_ID), settings.get(STATE_DIR));
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(settings.getInt(THREADS)));
    // an article takes tens of milliseconds to enrich (up to the step budget): small polls keep a thread in its group
    props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), "50");
    // an article's transaction is open while its NLP steps run (up to their budget, 30 s each): Streams' 10 s
    // would let the coordinator abort it first, and the article would be processed again, in a loop
    props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), TRANSACTION_TIMEOUT_MS);
    StoryPolicy stories = new StoryPolicy(settings.getDuration(EMBARGO_CHECK), settings.getDuration(RESEND_RETENTION),
        settings.getDuration(NEAR_DUPLICATE_WINDOW), new NearDuplicateRule(threshold(settings)));
    return new EnrichConfig(settings.getInt(HTTP_PORT), props, stories, sourceLanguages(settings));
  }

  /** The per-source fallback languages of NEWSFLOW_ENRICH_SOURCE_LANGUAGES and NEWSFLOW_ENRICH_DEFAULT_LANGUAGE. */
  public static SourceLanguages sourceLanguages(Settings settings) {
    return SourceLanguages.parse(settings.find(SOURCE_LANGUAGES).orElse(""), settings.find(DEFAULT_LANGUAGE).orElse(null));
  }

  private static double threshold(Settings settings) {
    String value = settings.get(NEAR_DUPLICATE_THRESHOLD);
    try {
      double threshold = Double.parseDouble(value);
      if (threshold > 0 && threshold <= 1) {
        return threshold;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(NEAR_DUPLICATE_THRESHOLD.name() + " must be a number in (0, 1], was '" + value + "'");
  }
}

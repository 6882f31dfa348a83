package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.platform.metrics.MetricNames;
import io.newsflow.platform.metrics.Metrics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment of one article, the same code in the Streams topology and in {@code bin/newsflow annotate}:
 * language, then (for languages the models handle) entities, then quotes and stances.
 */
public final class Enricher {

  /** Languages the entity and stance steps are built for; other articles keep language and metadata only. */
  public static final Set<String> NLP_LANGUAGES = Set.of("en");

  /**
   * Most body characters the entity, stance and quote steps read: about 16,000 words, some forty wire stories.
   * A longer body (ingest accepts up to 2 MB) is read up to the last whitespace before this length, so its
   * enrichment costs a bounded second or so instead of most of the step budget; its offsets stay offsets into
   * the whole body, and {@value #TRUNCATED_STEP} among the steps says the rest was not read.
   */
  public static final int NLP_MAX_BODY_CHARS = 100_000;
  /** Most headline characters the NLP steps read (a headline is a line; a longer one is a feed's mistake). */
  public static final int NLP_MAX_HEADLINE_CHARS = 2_000;
  /** Step recorded when the NLP steps read only the start of the headline or the body. */
  public static final String TRUNCATED_STEP = "nlp-body-truncated";

  private final LanguageIdentifier languages;
  private final EntityTagger entities;
  private final StanceTagger stances;
  private final Clock clock;
  private final Timer timer;
  private final Counter enriched;
  /** Step to model version, as every enriched article records it. */
  private final Map<String, String> models;
  private final SourceLanguages sourceLanguages;

  public Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock) {
    this(languages, entities, stances, clock, new SimpleMeterRegistry(), versions(languages, entities, stances));
  }

  private Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock,
                   MeterRegistry registry, Map<String, String> models) {
    this(languages, entities, stances, clock, Metrics.timer(registry, MetricNames.ENRICHMENT),
        Counter.builder(MetricNames.ARTICLES_ENRICHED).register(registry), models, SourceLanguages.NONE);
  }

  private Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock,
                   Timer timer, Counter enriched, Map<String, String> models, SourceLanguages sourceLanguages) {
    this.sourceLanguages = sourceLanguages;
    this.languages = languages;
    this.entities = entities;
    this.stances = stances;
    this.clock = clock;
    this.timer = timer;
    this.enriched = enriched;
    this.models = models;
  }

  private static Map<String, String> versions(LanguageIdentifier languages, EntityTagger entities,
                                              StanceTagger stances) {
    return Map.of("language", languages.version(), "entities", entities.version(), "stances", stances.version());
  }

  /** The model each step runs with (step name to version), recorded on every article enriched. */
  public Map<String, String> models() {
    return models;
  }

  /** The same enrichment, timing each article and counting them in {@code registry}. */
  public Enricher withMetrics(MeterRegistry registry) {
    return new Enricher(languages, entities, stances, clock, Metrics.timer(registry, MetricNames.ENRICHMENT),
        Counter.builder(MetricNames.ARTICLES_ENRICHED).register(registry), models, sourceLanguages);
  }

  /**
   * The same enrichment reading a story whose language cannot be detected ({@code und}) in its source's
   * configured language (language source {@code source}) instead of leaving it without entities and stances.
   */
  public Enricher withSourceLanguages(SourceLanguages languagesBySource) {
    return new Enricher(languages, entities, stances, clock, timer, enriched, models, languagesBySource);
  }

  /**
   * The same enrichment with each NLP step of an article limited to {@code budget}: past it the article fails
   * (and is dead-lettered by the stream) instead of holding its stream thread towards {@code max.poll.interval.ms}.
   */
  public Enricher withTimeBudget(Duration budget) {
    TimeBudget limit = new TimeBudget(budget);
    return new Enricher(languages, limit.entities(entities), limit.stances(stances), clock, timer, enriched, models,
        sourceLanguages);
  }

  public EnrichedArticle enrich(RawArticle raw) {
    long started = System.nanoTime();
    EnrichedArticle article = enrichUntimed(raw);
    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    enriched.increment();
    return article;
  }

  private EnrichedArticle enrichUntimed(RawArticle raw) {
    LanguageIdentifier.Identified language = languageOf(raw);
    List<String> steps = new ArrayList<>(List.of("language"));
    List<Entity> found = List.of();
    Map<String, String> used = new TreeMap<>(Map.of("language", models.get("language")));
    StanceTagger.Result positions = StanceTagger.Result.empty();
    if (NLP_LANGUAGES.contains(language.language())) {
      String headline = readable(raw.getHeadline(), NLP_MAX_HEADLINE_CHARS);
      String body = readable(raw.getBody(), NLP_MAX_BODY_CHARS);
      ArticleText text = new ArticleText(headline, body, language.language(), dateOf(raw));
      found = entities.tag(text);
      steps.add("entities");
      positions = stances.tag(text, found);
      steps.add("stances");
      steps.add("quotes");
      used.putAll(models);
      if (headline != raw.getHeadline() || body != raw.getBody()) {
        steps.add(TRUNCATED_STEP);
      }
    }
    return EnrichedArticle.newBuilder()
        .setArticle(raw)
        .setLanguage(language.language())
        .setLanguageSource(language.source())
        .setEntities(AvroMapping.entities(found))
        .setStances(AvroMapping.stances(positions.stances()))
        .setQuotes(AvroMapping.quotes(positions.quotes()))
        .setSteps(steps)
        .setEnrichedAt(clock.instant())
        .setModels(used)
        .build();
  }

  /** The declared or detected language; when neither says, the language configured for the story's source. */
  private LanguageIdentifier.Identified languageOf(RawArticle raw) {
    LanguageIdentifier.Identified identified = languages.identify(raw.getLanguage(), raw.getHeadline(), raw.getBody());
    if (!LanguageIdentifier.UNDETERMINED.equals(identified.language())) {
      return identified;
    }
    return sourceLanguages.of(raw.getSource())
        .map(configured -> new LanguageIdentifier.Identified(configured, LANGUAGE_FROM_SOURCE))
        .orElse(identified);
  }

  /** Language source of a story read in its source's configured language. */
  public static final String LANGUAGE_FROM_SOURCE = "source";

  /**
   * The part of a text the NLP steps read: the text itself (the same instance) when it has at most {@code max}
   * characters, else its start up to a whitespace, never inside a word or a character.
   */
  static String readable(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max;
    while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    if (!Character.isWhitespace(text.charAt(end)) && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** The date offices are looked up on: publication, else first creation, else receipt. */
  static LocalDate dateOf(RawArticle raw) {
    Instant when = raw.getPublished() != null ? raw.getPublished()
        : raw.getFirstCreated() != null ? raw.getFirstCreated() : raw.getReceived();
    return when == null ? null : when.atZone(ZoneOffset.UTC).toLocalDate();
  }
}

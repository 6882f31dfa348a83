package io.newsflow.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.model.ArticleText;
import io.newsflow.enrich.model.Entity;
import io.newsflow.enrich.model.EntityTagger;
import io.newsflow.enrich.model.StanceTagger;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment of one article, the same code in the Streams topology and in {@code bin/newsflow annotate}:
 * language, then (for languages the models handle) entities, then quotes and stances.
 */
public final class Enricher {

  /** Languages the entity and stance steps are built for; other articles keep language and metadata only. */
  public static final Set<String> NLP_LANGUAGES = Set.of("en");

  private final LanguageIdentifier languages;
  private final EntityTagger entities;
  private final StanceTagger stances;
  private final Clock clock;
  private final Timer timer;
  private final Counter enriched;

  public Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock) {
    this(languages, entities, stances, clock, new SimpleMeterRegistry());
  }

  private Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock,
                   MeterRegistry registry) {
    this(languages, entities, stances, clock, Metrics.timer(registry, MetricNames.ENRICHMENT),
        Counter.builder(MetricNames.ARTICLES_ENRICHED).register(registry));
  }

  private Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock,
                   Timer timer, Counter enriched) {
    this.languages = languages;
    this.entities = entities;
    this.stances = stances;
    this.clock = clock;
    this.timer = timer;
    this.enriched = enriched;
  }

  /** The same enrichment, timing each article and counting them in {@code registry}. */
  public Enricher withMetrics(MeterRegistry registry) {
    return new Enricher(languages, entities, stances, clock, registry);
  }

  /**
   * The same enrichment with each NLP step of an article limited to {@code budget}: past it the article fails
   * (and is dead-lettered by the stream) instead of holding its stream thread towards {@code max.poll.interval.ms}.
   */
  public Enricher withTimeBudget(Duration budget) {
    TimeBudget limit = new TimeBudget(budget);
    return new Enricher(languages, limit.entities(entities), limit.stances(stances), clock, timer, enriched);
  }

  public EnrichedArticle enrich(RawArticle raw) {
    long started = System.nanoTime();
    EnrichedArticle article = enrichUntimed(raw);
    timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    enriched.increment();
    return article;
  }

  private EnrichedArticle enrichUntimed(RawArticle raw) {
    LanguageIdentifier.Identified language = languages.identify(raw.getLanguage(), raw.getHeadline(), raw.getBody());
    List<String> steps = new ArrayList<>(List.of("language"));
    List<Entity> found = List.of();
    StanceTagger.Result positions = StanceTagger.Result.empty();
    if (NLP_LANGUAGES.contains(language.language())) {
      ArticleText text = new ArticleText(raw.getHeadline(), raw.getBody(), language.language(), dateOf(raw));
      found = entities.tag(text);
      steps.add("entities");
      positions = stances.tag(text, found);
      steps.add("stances");
      steps.add("quotes");
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
        .build();
  }

  /** The date offices are looked up on: publication, else first creation, else receipt. */
  static LocalDate dateOf(RawArticle raw) {
    Instant when = raw.getPublished() != null ? raw.getPublished()
        : raw.getFirstCreated() != null ? raw.getFirstCreated() : raw.getReceived();
    return when == null ? null : when.atZone(ZoneOffset.UTC).toLocalDate();
  }
}

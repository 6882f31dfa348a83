package io.newsflow.enrich;

import io.newsflow.enrich.language.LanguageIdentifier;
import io.newsflow.enrich.model.ArticleText;
import io.newsflow.enrich.model.Entity;
import io.newsflow.enrich.model.EntityTagger;
import io.newsflow.enrich.model.StanceTagger;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  public Enricher(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances, Clock clock) {
    this.languages = languages;
    this.entities = entities;
    this.stances = stances;
    this.clock = clock;
  }

  public EnrichedArticle enrich(RawArticle raw) {
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

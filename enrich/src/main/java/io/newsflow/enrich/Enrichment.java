package io.newsflow.enrich;

import io.newsflow.nlp.Models;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the production {@link Enricher} on the shipped {@link Models}, loaded once per process. */
public final class Enrichment {

  private static final Logger log = LoggerFactory.getLogger(Enrichment.class);

  private Enrichment() {}

  public static Enricher standard() {
    long started = System.nanoTime();
    LanguageIdentifier languages = Models.languages();
    EntityTagger entities = Models.entities();
    StanceTagger stances = Models.stances();
    log.info("Enrichment models loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    return new Enricher(languages, entities, stances, Clock.systemUTC());
  }
}

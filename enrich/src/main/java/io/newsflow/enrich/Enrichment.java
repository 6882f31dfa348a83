package io.newsflow.enrich;

import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.stance.RuleStanceTagger;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the production {@link Enricher}: loads the language profiles, the entity models and the stance rules once. */
public final class Enrichment {

  private static final Logger log = LoggerFactory.getLogger(Enrichment.class);

  private Enrichment() {}

  public static Enricher standard() {
    long started = System.nanoTime();
    LanguageIdentifier languages = LanguageIdentifier.load();
    EntityTagger entities = KnowledgeBaseEntityTagger.load();
    StanceTagger stances = RuleStanceTagger.load();
    log.info("Enrichment models loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    return new Enricher(languages, entities, stances, Clock.systemUTC());
  }
}

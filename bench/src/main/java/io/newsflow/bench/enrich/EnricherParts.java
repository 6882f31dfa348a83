package io.newsflow.bench.enrich;

import io.newsflow.enrich.Enricher;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import java.lang.reflect.Field;

/**
 * The taggers that {@code Enrichment.standard()} wired into its {@link Enricher}, so each step is timed with exactly
 * the production instance (not a second copy built differently). Enricher exposes no accessors, hence the reflection;
 * a field that is not there (the Enricher changed shape) yields null and the step is reported as not measured.
 */
record EnricherParts(LanguageIdentifier languages, EntityTagger entities, StanceTagger stances) {

  static EnricherParts of(Enricher enricher) {
    return new EnricherParts(field(enricher, LanguageIdentifier.class), field(enricher, EntityTagger.class),
        field(enricher, StanceTagger.class));
  }

  private static <T> T field(Enricher enricher, Class<T> type) {
    for (Field f : Enricher.class.getDeclaredFields()) {
      if (type.isAssignableFrom(f.getType())) {
        try {
          f.setAccessible(true);
          return type.cast(f.get(enricher));
        } catch (IllegalAccessException | RuntimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** What a reader of the results needs to know about the implementation: its class, or that it is the empty stub. */
  static String describe(Object tagger) {
    if (tagger == null) {
      return "not found on Enricher";
    }
    String name = tagger.getClass().getName();
    return name.contains("$$Lambda") || name.contains("Enrichment$") ? "stub in Enrichment.standard() (" + name + ")" : name;
  }
}

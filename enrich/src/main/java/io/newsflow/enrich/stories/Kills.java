package io.newsflow.enrich.stories;

import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.List;

/** Kills (pubStatus CANCELED or WITHHELD): they remove a story, so they take the cheap path, without NLP. */
public final class Kills {

  private Kills() {}

  public static boolean isKill(RawArticle article) {
    return article.getPubStatus() == PubStatus.CANCELED || article.getPubStatus() == PubStatus.WITHHELD;
  }

  /** The kill as an enriched article: language from the record only, no entities, stances or quotes. */
  public static EnrichedArticle enriched(RawArticle kill, Instant at) {
    String language = LanguageIdentifier.normalise(kill.getLanguage()).orElse(LanguageIdentifier.UNDETERMINED);
    return EnrichedArticle.newBuilder()
        .setArticle(kill)
        .setLanguage(language)
        .setLanguageSource(kill.getLanguage() == null ? "detected" : "record")
        .setSteps(List.of())
        .setEnrichedAt(at)
        .build();
  }
}

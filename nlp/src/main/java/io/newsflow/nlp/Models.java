package io.newsflow.nlp;

import io.newsflow.nlp.entities.KnowledgeBaseEntityTagger;
import io.newsflow.nlp.language.LanguageIdentifier;
import io.newsflow.nlp.model.EntityTagger;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.stance.RuleStanceTagger;

/**
 * The models newsflow ships, each loaded once per process on first use and shared: the enrich service, the
 * offline {@code annotate} and the evaluation commands all read articles with the same ones.
 */
public final class Models {

  private Models() {}

  public static LanguageIdentifier languages() {
    return Languages.INSTANCE;
  }

  public static EntityTagger entities() {
    return Entities.INSTANCE;
  }

  public static StanceTagger stances() {
    return Stances.INSTANCE;
  }

  // holder classes: each model loads when first asked for, once, without locking afterwards
  private static final class Languages {
    static final LanguageIdentifier INSTANCE = LanguageIdentifier.load();
  }

  private static final class Entities {
    static final EntityTagger INSTANCE = KnowledgeBaseEntityTagger.load();
  }

  private static final class Stances {
    static final StanceTagger INSTANCE = RuleStanceTagger.load();
  }
}

package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.Quote;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.quotes.ArticleReferents;
import io.newsflow.nlp.quotes.Frame;
import io.newsflow.nlp.quotes.Lexicon;
import io.newsflow.nlp.quotes.QuoteFinder;
import io.newsflow.nlp.text.Document;
import io.newsflow.nlp.model.QuoteKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes and stances by rules read from the data files under {@code stance/} (cues, modifiers, conditionals,
 * titles, speech verbs, groups). Immutable after {@link #load()}; thread-safe.
 */
public final class RuleStanceTagger implements StanceTagger {

  private final Lexicon lexicon;
  private final StanceLexicon stanceLexicon;
  private final QuoteFinder quoteFinder;

  private RuleStanceTagger(Lexicon lexicon, StanceLexicon stanceLexicon) {
    this.lexicon = lexicon;
    this.stanceLexicon = stanceLexicon;
    this.quoteFinder = new QuoteFinder(lexicon);
  }

  /** Loads the lexicons from the classpath; call once per process. */
  public static RuleStanceTagger load() {
    return new RuleStanceTagger(Lexicon.load(), StanceLexicon.load());
  }

  @Override
  public String version() {
    return "rules: cue, speech-verb, hedge and group lexicons (nlp stance/*.tsv)";
  }

  @Override
  public Result tag(ArticleText text, List<Entity> entities) {
    Document doc = new Document(text);
    ArticleReferents refs = new ArticleReferents(doc, entities, lexicon);
    List<Frame> frames = quoteFinder.find(refs);
    List<Quote> quotes = new ArrayList<>();
    for (Frame f : frames) {
      if (f.kind() != Frame.Kind.REPORT) {
        QuoteKind kind = f.kind() == Frame.Kind.DIRECT ? QuoteKind.DIRECT : QuoteKind.REPORTED;
        quotes.add(new Quote(f.speaker(), kind, doc.span(f.field(), f.start(), f.end())));
      }
    }
    return new Result(quotes, new StanceFinder(stanceLexicon, refs, frames).find());
  }
}

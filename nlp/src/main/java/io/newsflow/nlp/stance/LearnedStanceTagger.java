package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.model.Polarity;
import io.newsflow.nlp.model.Quote;
import io.newsflow.nlp.model.QuoteKind;
import io.newsflow.nlp.model.Stance;
import io.newsflow.nlp.model.StanceTagger;
import io.newsflow.nlp.quotes.Frame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stances by a classifier trained on annotated news ({@code bin/newsflow train stance}): every holder candidate
 * of every sentence ({@link StanceCandidates}) is scored by the {@link StanceModel} and kept when it outscores
 * "no stance", unless the sentence makes the holder the target (accused by the speaker, asked to act); when the
 * model says so, the rules' stances are kept too. Quotes come from the same quote frames
 * as the rules'. Immutable after {@link #load()}; thread-safe.
 */
public final class LearnedStanceTagger implements StanceTagger {

  private final StanceCandidates candidates;
  private final StanceModel model;
  private final RuleStanceTagger rules;

  public LearnedStanceTagger(StanceCandidates candidates, StanceModel model, RuleStanceTagger rules) {
    this.candidates = candidates;
    this.model = model;
    this.rules = rules;
  }

  /** Loads the lexicons and the shipped model from the classpath; call once per process. */
  public static LearnedStanceTagger load() {
    return new LearnedStanceTagger(StanceCandidates.load(), StanceModel.load(), RuleStanceTagger.load());
  }

  @Override
  public String version() {
    return model.version();
  }

  @Override
  public Result tag(ArticleText text, List<Entity> entities) {
    StanceCandidates.Reading reading = candidates.read(text, entities);
    List<Quote> quotes = new ArrayList<>();
    for (Frame f : reading.frames()) {
      if (f.kind() != Frame.Kind.REPORT) {
        QuoteKind kind = f.kind() == Frame.Kind.DIRECT ? QuoteKind.DIRECT : QuoteKind.REPORTED;
        quotes.add(new Quote(f.speaker(), kind, reading.doc().span(f.field(), f.start(), f.end())));
      }
    }
    List<Stance> stances = new ArrayList<>();
    for (StanceCandidates.Candidate c : reading.candidates()) {
      if (c.onlyTarget()) {
        continue;
      }
      double[] scores = model.scores(c.features());
      Polarity polarity = model.decide(scores);
      if (polarity != null) {
        double margin = scores[polarity.ordinal() + 1] - scores[0];
        double confidence = 1 / (1 + Math.exp(-margin / 10));
        stances.add(new Stance(c.holder(), c.onBehalfOf(), c.target(), null, polarity, confidence, c.sentence(),
            null));
      }
    }
    if (model.withRules()) {
      // the rules' stances first (their targets are finer), then the classifier's for other holders or sentences
      Set<String> seen = new HashSet<>();
      List<Stance> merged = new ArrayList<>();
      for (Stance s : rules.stances(reading.refs(), reading.frames())) {
        seen.add(s.holder().id() + "@" + s.evidence().field() + s.evidence().start());
        merged.add(s);
      }
      for (Stance s : stances) {
        if (seen.add(s.holder().id() + "@" + s.evidence().field() + s.evidence().start())) {
          merged.add(s);
        }
      }
      stances = merged;
    }
    return new Result(quotes, stances);
  }
}

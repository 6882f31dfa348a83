package io.newsflow.bench.enrich;

import io.newsflow.bench.corpus.WireCopyGenerator;
import java.util.List;

/**
 * The size of the measured articles: tokens as CoreNLP's tokenizer counts them (when the baseline ran; else the
 * generator's estimate) and the named-entity spans the 3-class CRF found, a measure of name density.
 */
record CorpusStats(int articles, double meanTokens, String tokensCountedBy, double meanCorenlpEntitySpans) {

  static CorpusStats of(List<String> texts, List<CoreNlpBaseline.Annotated> annotated) {
    double n = Math.max(texts.size(), 1);
    if (annotated == null) {
      return new CorpusStats(texts.size(),
          StepMeter.round(texts.stream().mapToInt(WireCopyGenerator::countTokens).sum() / n), "estimate", Double.NaN);
    }
    return new CorpusStats(texts.size(), StepMeter.round(annotated.stream().mapToInt(CoreNlpBaseline.Annotated::tokens).sum() / n),
        "CoreNLP tokenize", StepMeter.round(annotated.stream().mapToInt(CoreNlpBaseline.Annotated::entitySpans).sum() / n));
  }
}

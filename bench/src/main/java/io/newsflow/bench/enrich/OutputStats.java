package io.newsflow.bench.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.List;

/** What newsflow's enrichment found per article on average: a rate means little if nothing was found. */
record OutputStats(double meanEntities, double meanQuotes, double meanStances) {

  static OutputStats of(List<EnrichedArticle> outputs) {
    double n = Math.max(outputs.size(), 1);
    return new OutputStats(
        StepMeter.round(outputs.stream().mapToInt(e -> e.getEntities().size()).sum() / n),
        StepMeter.round(outputs.stream().mapToInt(e -> e.getQuotes().size()).sum() / n),
        StepMeter.round(outputs.stream().mapToInt(e -> e.getStances().size()).sum() / n));
  }
}

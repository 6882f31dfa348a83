package io.newsflow.tools;

import io.newsflow.tools.eval.NearDuplicateEvaluation;
import io.newsflow.tools.eval.EntityEvaluation;
import io.newsflow.tools.eval.StanceEvaluation;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow eval entities|stance|near-duplicates FILE.jsonl}: scores the enrichment against labelled data. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Score the enrichment against labelled data; prints the data's name and size with the scores.")
public final class EvalCommand {

  @Command(name = "entities", mixinStandardHelpOptions = true,
      description = "Entity recognition (precision, recall, F1 per type; exact span + type) and linking accuracy "
          + "against a JSON-lines gold file {id, text, entities:[{start, end, type, link}]}.")
  int entities(@Parameters(paramLabel = "FILE.jsonl") Path gold,
               @Option(names = "--errors", description = "Instead of the scores, count where recognition and "
                   + "linking go wrong (by type and reason, with the most frequent names).") boolean errors)
      throws Exception {
    if (errors) {
      EntityEvaluation.runErrors(gold, System.out);
    } else {
      EntityEvaluation.run(gold, System.out);
    }
    return 0;
  }

  @Command(name = "stance", mixinStandardHelpOptions = true,
      description = "Stance holder+polarity precision, recall, F1 and quote attribution accuracy against a JSON-lines "
          + "gold file {id, text, entities, stances:[{holder, polarity, evidence_start, evidence_end}], quotes}.")
  int stance(@Parameters(paramLabel = "FILE.jsonl") Path gold) {
    StanceEvaluation.run(gold, System.out);
    return 0;
  }

  @Command(name = "near-duplicates", mixinStandardHelpOptions = true,
      description = "Near-duplicate detection precision and recall at the configured threshold against labelled pairs "
          + "(duplicate / same-event-different-story / unrelated).")
  int nearDuplicates(@Parameters(paramLabel = "PAIRS.jsonl") Path pairs) {
    NearDuplicateEvaluation.run(pairs, System.out);
    return 0;
  }
}

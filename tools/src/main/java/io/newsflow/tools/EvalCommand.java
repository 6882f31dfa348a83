package io.newsflow.tools;

import io.newsflow.kb.KnowledgeBase;
import io.newsflow.nlp.Models;
import io.newsflow.tools.eval.EntityEvaluation;
import io.newsflow.tools.eval.LinkingGold;
import io.newsflow.tools.eval.NearDuplicateEvaluation;
import io.newsflow.tools.eval.StanceCorpusEvaluation;
import io.newsflow.tools.eval.StanceEvaluation;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/newsflow eval entities|linking|stance|near-duplicates FILE.jsonl}: scores the enrichment against labelled data. */
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

  @Command(name = "linking", mixinStandardHelpOptions = true,
      description = "Entity linking alone (links right, wrong, unlinked, of the gold links in the knowledge base and "
          + "of all) against gold with Wikidata links: newsflow gold files, ELEVANT benchmarks, or the real-news "
          + "linking corpus (eval/linking-real, offsets into --corpus).")
  int linking(@Parameters(paramLabel = "FILE.jsonl") Path gold,
              @Option(names = "--corpus", defaultValue = "../shared/corpus/reuters21578.jsonl",
                  description = "the corpus offsets-only gold points into (default: ${DEFAULT-VALUE})") Path corpus)
      throws Exception {
    LinkingGold.run(gold, corpus, System.out);
    return 0;
  }

  @Command(name = "stance", mixinStandardHelpOptions = true,
      description = "Stance precision, recall, F1 and wrong-polarity rate. Real-news gold ({id, stances:[{holder, "
          + "holderQid, onBehalfOf, target, polarity, evidence}]} with offsets into the corpus, eval/stance-real) is "
          + "scored through the whole NLP, reading the text from --corpus; the self-written regression gold "
          + "{id, text, entities, stances, quotes} (eval/stance) with its gold entities.")
  int stance(@Parameters(paramLabel = "FILE.jsonl") Path gold,
             @Option(names = "--corpus", defaultValue = "../shared/corpus/reuters21578.jsonl",
                 description = "the corpus the real-news gold points into (default: ${DEFAULT-VALUE})") Path corpus,
             @Option(names = "--errors", description = "Also list every missed and false stance with its sentence "
                 + "(train and dev only: refused for the frozen test split).") boolean errors) {
    if (StanceCorpusEvaluation.isCorpusGold(gold)) {
      new StanceCorpusEvaluation(Models.entities(), Models.stances(), KnowledgeBase.shared())
          .run(gold, corpus, errors, System.out);
    } else {
      StanceEvaluation.run(gold, System.out);
    }
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

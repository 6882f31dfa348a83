package io.newsflow.bench.enrich;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.List;
import java.util.Properties;

/**
 * The stock Stanford CoreNLP pipeline the issue compares against: tokenize, ssplit, pos (left3words), lemma and the
 * 3-class CRF recogniser alone (no numeric classifiers, SUTime, fine-grained regexner or entity mentions), run on the
 * calling thread.
 */
final class CoreNlpBaseline {

  static final String POS_MODEL = "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  static final String NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  private final StanfordCoreNLP pipeline;

  private CoreNlpBaseline(StanfordCoreNLP pipeline) {
    this.pipeline = pipeline;
  }

  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
    props.setProperty("pos.model", POS_MODEL);
    props.setProperty("ner.model", NER_MODEL);
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.buildEntityMentions", "false");
    props.setProperty("ner.combinationMode", "NORMAL");
    props.setProperty("pos.nthreads", "1");
    props.setProperty("ner.nthreads", "1");
    return props;
  }

  static CoreNlpBaseline load() {
    return new CoreNlpBaseline(new StanfordCoreNLP(properties()));
  }

  /** What one article came out as: its token count and its named-entity spans (runs of the same non-O tag). */
  record Annotated(int tokens, int entitySpans) {}

  Annotated annotate(String text) {
    Annotation document = new Annotation(text);
    pipeline.annotate(document);
    List<CoreLabel> tokens = document.get(CoreAnnotations.TokensAnnotation.class);
    int spans = 0;
    String previous = "O";
    for (CoreLabel token : tokens) {
      String tag = token.ner() == null ? "O" : token.ner();
      if (!"O".equals(tag) && !tag.equals(previous)) {
        spans++;
      }
      previous = tag;
    }
    return new Annotated(tokens.size(), spans);
  }
}

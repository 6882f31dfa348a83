package io.newsflow.nlp.entities.recognition;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import io.newsflow.kb.EntityType;
import io.newsflow.nlp.model.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP's 4-class CRF (CoNLL 2003 English, distributional-similarity features), used without
 * a part-of-speech tagger. The classifier is read-only after loading and is shared between threads.
 */
public final class CrfRecognizer {

  public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  private final CRFClassifier<CoreLabel> classifier;

  private CrfRecognizer(CRFClassifier<CoreLabel> classifier) {
    this.classifier = classifier;
  }

  /** Loads the model from the classpath. */
  public static CrfRecognizer load() {
    try {
      Properties props = new Properties();
      // invertible: character offsets; newline tokens end sentences (datelines, headings and paragraphs
      // carry no full stop); hyphenated names stay one token, as in the CoNLL data the model learnt from
      props.setProperty("tokenizerOptions",
          "tokenizeNLs=true,invertible=true,untokenizable=noneKeep,splitHyphenated=false");
      CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(MODEL, props);
      return new CrfRecognizer(crf);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load NER model " + MODEL + " from the classpath", e);
    }
  }

  /** The names the model finds in one text, in text order. A line break ends a sentence. */
  public List<Mention> recognise(TextField field, String text) {
    List<Mention> mentions = new ArrayList<>();
    if (text.isBlank()) {
      return mentions;
    }
    for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text)) {
      EntityType type = switch (t.first()) {
        case "PERSON" -> EntityType.PERSON;
        case "LOCATION" -> EntityType.LOCATION;
        case "ORGANIZATION" -> EntityType.ORGANIZATION;
        case "MISC" -> EntityType.MISC;
        default -> null;
      };
      if (type != null && t.third() > t.second()) {
        mentions.add(new Mention(field, t.second(), t.third(), text.substring(t.second(), t.third()), type, null));
      }
    }
    return mentions;
  }
}

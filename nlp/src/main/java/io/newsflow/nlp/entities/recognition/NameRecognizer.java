package io.newsflow.nlp.entities.recognition;

import io.newsflow.nlp.model.TextField;
import java.util.List;

/** Finds the names (persons, organisations, places, other) in one text. Implementations are thread-safe. */
public interface NameRecognizer {

  /** The names found in one text, in text order. A line break ends a sentence. */
  List<Mention> recognise(TextField field, String text);

  /** What the model is and where it came from: name, training data, seed, development score. */
  String modelVersion();
}

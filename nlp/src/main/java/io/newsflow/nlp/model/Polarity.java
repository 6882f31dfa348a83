package io.newsflow.nlp.model;

/** The position a holder takes towards a target. Mirrors the Avro enum of the same name, which the services map it to by name. */
public enum Polarity {
  SUPPORT, OPPOSE, HESITANT, NEUTRAL
}

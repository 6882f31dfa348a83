package io.newsflow.nlp.model;

/** A quotation in quote marks (direct) or reported speech (X said that ...). Mirrors the Avro enum of the same name, which the services map it to by name. */
public enum QuoteKind {
  DIRECT, REPORTED
}

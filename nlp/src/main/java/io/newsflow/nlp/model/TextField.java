package io.newsflow.nlp.model;

/** Which text of an article a character offset points into. Mirrors the Avro enum of the same name, which the services map it to by name. */
public enum TextField {
  HEADLINE, BODY
}

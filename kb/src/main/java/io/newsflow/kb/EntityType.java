package io.newsflow.kb;

/** Coarse type of a named entity (the CoNLL classes). Mirrors the Avro enum of the same name, which the services map it to by name. */
public enum EntityType {
  PERSON, ORGANIZATION, LOCATION, MISC
}

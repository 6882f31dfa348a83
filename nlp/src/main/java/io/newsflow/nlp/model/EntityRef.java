package io.newsflow.nlp.model;

/** An entity named by id: a Wikidata QID when linked, else a stable local id. */
public record EntityRef(String id, String name) {}

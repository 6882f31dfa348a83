package io.newsflow.nlp.entities.linking;

import io.newsflow.kb.KbEntry;

/**
 * An identity chosen for a cluster of mentions.
 *
 * @param entry      the knowledge-base identity
 * @param confidence 0..1
 * @param evidence   which mechanism chose it: office, exact-name, family-name, sound-alike, demonym, name
 */
public record Link(KbEntry entry, double confidence, String evidence) {}

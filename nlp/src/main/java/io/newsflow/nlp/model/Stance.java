package io.newsflow.nlp.model;

import io.newsflow.nlp.model.Polarity;

/**
 * A position the text attributes to a holder.
 *
 * @param holder       who holds it (entity, or a named group with a local id)
 * @param onBehalfOf   the country or organisation the holder speaks for, when the text says so; else null
 * @param target       what it is about, a short phrase from the text
 * @param targetEntity the target when it is an entity; else null
 * @param polarity     SUPPORT, OPPOSE, HESITANT or NEUTRAL
 * @param confidence   0..1
 * @param evidence     the sentence that says so
 * @param reportedBy   who reports it second-hand (e.g. a newspaper); else null
 */
public record Stance(EntityRef holder, EntityRef onBehalfOf, String target, EntityRef targetEntity,
                     Polarity polarity, double confidence, TextSpan evidence, EntityRef reportedBy) {}

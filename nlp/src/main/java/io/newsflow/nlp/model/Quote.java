package io.newsflow.nlp.model;

import io.newsflow.nlp.model.QuoteKind;

/**
 * A direct quotation or reported speech.
 *
 * @param speaker who spoke, or null when the text does not say
 * @param kind    DIRECT (in quote marks) or REPORTED (X said that ...)
 * @param span    the quoted words, without the quote marks
 */
public record Quote(EntityRef speaker, QuoteKind kind, TextSpan span) {}

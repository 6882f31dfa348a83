package io.newsflow.nlp.entities.recognition;

/**
 * A title written before a name: "French President", "The President of the European Commission,".
 *
 * @param title     the office word, lower case: president, prime minister, chancellor, …
 * @param scopeId   QID of the country or organisation the title names, or null when it names none
 * @param scopeName canonical name of that country or organisation, or null
 * @param nameStart where the name after the title begins
 */
public record OfficeCue(String title, String scopeId, String scopeName, int nameStart) {}

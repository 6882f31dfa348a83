package io.newsflow.nlp.quotes;

import io.newsflow.nlp.model.EntityRef;
import io.newsflow.nlp.model.TextField;

/**
 * Words the text attributes to someone: a direct quotation, a reported clause ("X said that ..."), or a
 * position reported by a source ("..., the Financial Times reports"). Characters {@code [start, end)}.
 *
 * @param speaker who said or reports it, or null when the text does not say
 */
public record Frame(Kind kind, TextField field, int start, int end, EntityRef speaker) {

  public enum Kind { DIRECT, REPORTED, REPORT }

  public boolean contains(TextField f, int position) {
    return field == f && start <= position && position < end;
  }
}

package io.newsflow.nlp.text;

import io.newsflow.nlp.model.TextField;

/**
 * A sentence of the headline or body: characters {@code [start, end)}, without surrounding blanks.
 *
 * @param paragraph index of the paragraph in its text (paragraphs are separated by line breaks)
 */
public record Sentence(TextField field, int paragraph, int start, int end) {

  public boolean contains(int position) {
    return start <= position && position < end;
  }
}

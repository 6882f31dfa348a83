package io.newsflow.enrich.text;

import io.newsflow.schemas.avro.TextField;

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

package io.newsflow.nlp.model;

import io.newsflow.nlp.model.TextField;

/** Characters {@code [start, end)} of the headline or body, and the characters themselves. */
public record TextSpan(TextField field, int start, int end, String text) {

  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
    }
  }

  public boolean contains(TextSpan other) {
    return field == other.field && start <= other.start && other.end <= end;
  }

  public boolean overlaps(TextSpan other) {
    return field == other.field && start < other.end && other.start < end;
  }
}

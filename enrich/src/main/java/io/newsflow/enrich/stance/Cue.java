package io.newsflow.enrich.stance;

import io.newsflow.schemas.avro.Polarity;
import java.util.List;

/**
 * A word or phrase that states a position (a row of {@code stance/cues.tsv}).
 *
 * @param tokens    lower-case tokens; a trailing '*' matches any ending
 * @param bySpeaker true when the holder is whoever says the sentence and the subject is the target
 *                  ("Russia is playing games"); false when the subject holds the position
 */
record Cue(List<String> tokens, Polarity polarity, double weight, boolean bySpeaker) {

  boolean matchesAt(List<String> words, int from) {
    if (from + tokens.size() > words.size()) {
      return false;
    }
    for (int j = 0; j < tokens.size(); j++) {
      if (!TokenPattern.matches(tokens.get(j), words.get(from + j))) {
        return false;
      }
    }
    return true;
  }
}

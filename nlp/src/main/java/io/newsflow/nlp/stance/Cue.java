package io.newsflow.nlp.stance;

import io.newsflow.nlp.model.Polarity;
import java.util.List;
import java.util.Set;

/**
 * A word or phrase that states a position (a row of {@code stance/cues.tsv}).
 *
 * @param tokens    lower-case tokens; a trailing '*' matches any ending
 * @param notAfter  words that, right before the cue, make it a noun rather than a position
 * @param onlyAfter when not empty, the word before the cue must be one of these; '@name' stands for the end of a
 *                  name or group, '@pronoun' for a subject pronoun (checked by the caller)
 * @param bySpeaker true when the holder is whoever says the sentence and the subject is the target
 *                  ("Russia is playing games"); false when the subject holds the position
 */
record Cue(List<String> tokens, Polarity polarity, double weight, boolean bySpeaker, Set<String> notAfter,
           Set<String> onlyAfter) {

  boolean matchesAt(List<String> words, int from) {
    if (from + tokens.size() > words.size() || (from > 0 && notAfter.contains(words.get(from - 1)))) {
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

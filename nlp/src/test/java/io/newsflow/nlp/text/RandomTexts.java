package io.newsflow.nlp.text;

import java.util.Random;
import java.util.stream.Stream;

/**
 * Texts for the splitter and tokenizer invariants: edge cases, then seeded random strings drawn from the characters
 * these two treat specially (full stops, quotes, apostrophes, hyphens, line breaks, surrogate pairs), so a run is
 * repeatable and a failure names its input.
 */
final class RandomTexts {

  private static final String ALPHABET = "aZ .!?\"'’“”-–\n\t\r()0,;:U.S\u00a0\u200b\uD83D\uDE00é\u0000";

  private RandomTexts() {}

  static Stream<String> samples(int count, long seed) {
    Random random = new Random(seed);
    Stream<String> edges = Stream.of("", " ", ".", "..", "\n\n", "Mr.", "A. B. C.", "“.”", "'", "n't", "U.S.",
        "\uD83D\uDE00", "\uD83D", "word", "  Two.  Sentences.  ");
    return Stream.concat(edges, Stream.generate(() -> {
      int length = random.nextInt(200);
      StringBuilder text = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      return text.toString();
    }).limit(count));
  }
}

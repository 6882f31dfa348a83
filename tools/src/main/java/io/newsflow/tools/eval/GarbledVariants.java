package io.newsflow.tools.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes a garbled copy of a gold story, the way machine translation and transcription garble names:
 * dropped letters, swapped letters, sound-alike spellings and split names, applied to the surfaces of gold
 * mentions, with every offset moved accordingly. Deterministic: the same seed gives the same copy.
 */
public final class GarbledVariants {

  /** Sound-alike rewrites, each applied to the first place it fits. */
  private static final String[][] SOUND_ALIKE = {
      {"ph", "f"}, {"ck", "k"}, {"c", "k"}, {"k", "c"}, {"y", "i"}, {"i", "y"}, {"v", "w"}, {"w", "v"},
      {"sch", "sh"}, {"sh", "sch"}, {"ou", "u"}, {"ee", "i"}, {"tz", "ts"}, {"z", "s"}, {"s", "z"},
      {"ie", "i"}, {"ll", "l"}, {"mm", "m"}, {"nn", "n"}, {"ss", "s"}, {"tt", "t"}};

  private final double rate;
  private final long seed;

  /**
   * @param rate share of gold mentions garbled, 0..1
   * @param seed random seed
   */
  public GarbledVariants(double rate, long seed) {
    this.rate = rate;
    this.seed = seed;
  }

  public GoldStory garble(GoldStory story) {
    Random random = new Random(seed ^ story.id().hashCode());
    StringBuilder text = new StringBuilder();
    List<GoldStory.GoldMention> mentions = new ArrayList<>();
    int copied = 0;
    for (GoldStory.GoldMention m : story.entities()) {
      if (m.start() < copied) {
        continue; // overlapping gold mention: keep the first
      }
      text.append(story.text(), copied, m.start());
      String surface = story.text().substring(m.start(), m.end());
      String noisy = random.nextDouble() < rate ? garbleName(surface, random) : surface;
      int start = text.length();
      text.append(noisy);
      mentions.add(new GoldStory.GoldMention(start, text.length(), m.type(), m.qid()));
      copied = m.end();
    }
    text.append(story.text(), copied, story.text().length());
    return new GoldStory(story.id() + "#garbled", text.toString(), mentions);
  }

  /** One random garbling of one word of the name (words of four letters or more). */
  static String garbleName(String surface, Random random) {
    String[] words = surface.split(" ", -1);
    List<Integer> long4 = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].length() >= 4 && words[i].chars().allMatch(Character::isLetter)) {
        long4.add(i);
      }
    }
    if (long4.isEmpty()) {
      return surface;
    }
    int w = long4.get(random.nextInt(long4.size()));
    words[w] = garbleWord(words[w], random);
    return String.join(" ", words);
  }

  static String garbleWord(String word, Random random) {
    int kind = random.nextInt(4);
    int n = word.length();
    switch (kind) {
      case 0 -> { // drop a letter (never the first)
        int i = 1 + random.nextInt(n - 1);
        return word.substring(0, i) + word.substring(i + 1);
      }
      case 1 -> { // swap two neighbours (not the first letter)
        int i = 1 + random.nextInt(n - 2);
        return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      }
      case 2 -> { // sound-alike spelling
        int offset = random.nextInt(SOUND_ALIKE.length);
        for (int k = 0; k < SOUND_ALIKE.length; k++) {
          String[] rule = SOUND_ALIKE[(offset + k) % SOUND_ALIKE.length];
          int at = word.indexOf(rule[0], 1);
          if (at > 0) {
            return word.substring(0, at) + rule[1] + word.substring(at + rule[0].length());
          }
        }
        return word.substring(0, n - 1);
      }
      default -> { // split the name in two
        int i = 2 + random.nextInt(Math.max(1, n - 3));
        return word.substring(0, i) + " " + Character.toLowerCase(word.charAt(i)) + word.substring(i + 1);
      }
    }
  }
}

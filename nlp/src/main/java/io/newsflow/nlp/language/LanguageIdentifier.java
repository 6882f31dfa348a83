package io.newsflow.nlp.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * The language of an article: the one it was delivered with when given (normalised to its ISO 639-1 code,
 * {@code en-GB} → {@code en}), else detected from its text (Optimaize n-gram profiles of 71 languages,
 * Apache-2.0). Too little text, or no clear winner, gives {@value #UNDETERMINED} rather than a guess.
 */
public final class LanguageIdentifier {

  public static final String UNDETERMINED = "und";
  /** Fewer letters than this is too little to tell related languages apart (es/it/pt, uk/ru). */
  public static final int MIN_LETTERS = 30;
  /** The detector's probability the best language must reach; below it the text is mixed or ambiguous. */
  public static final double MIN_PROBABILITY = 0.85;
  /** Detection reads the headline and the start of the body: more adds time, not accuracy. */
  public static final int SAMPLE_CHARS = 2000;

  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
  private static final Map<String, String> ISO_639_2 = iso6392();
  /** Tags that say "no language decided", so the text decides. */
  private static final Set<String> NOT_A_LANGUAGE = Set.of("und", "mul", "zxx", "mis");

  private final LanguageDetector detector;
  private final TextObjectFactory texts;

  private LanguageIdentifier(LanguageDetector detector) {
    this.detector = detector;
    this.texts = CommonTextObjectFactories.forDetectingOnLargeText();
  }

  /** The detector and profiles, recorded on every document as the language step's model. */
  public String version() {
    return "optimaize language-detector 0.6, built-in n-gram profiles";
  }

  public static LanguageIdentifier load() {
    try {
      return new LanguageIdentifier(LanguageDetectorBuilder.create(NgramExtractors.standard())
          .withProfiles(new LanguageProfileReader().readAllBuiltIn())
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the built-in language profiles", e);
    }
  }

  /** The language and where it came from ({@code record} or {@code detected}). */
  public record Identified(String language, String source) {}

  public Identified identify(String declared, String headline, String body) {
    Optional<String> given = normalise(declared);
    if (given.isPresent()) {
      return new Identified(given.get(), "record");
    }
    // only the first SAMPLE_CHARS are read: the body is not copied whole to put the headline in front
    String head = headline == null ? "" : headline;
    String rest = body == null ? "" : body;
    int room = Math.max(0, SAMPLE_CHARS - head.length() - 1);
    return new Identified(detect(head + "\n" + (rest.length() > room ? rest.substring(0, room) : rest)), "detected");
  }

  /** The ISO 639-1 code of the text's language, or {@value #UNDETERMINED}. */
  public String detect(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return UNDETERMINED;
    }
    List<DetectedLanguage> probabilities = detector.getProbabilities(texts.forText(sample));
    if (probabilities.isEmpty() || probabilities.get(0).getProbability() < MIN_PROBABILITY) {
      return UNDETERMINED;
    }
    return probabilities.get(0).getLocale().getLanguage();
  }

  /**
   * A delivered BCP 47 tag as an ISO 639-1 code: the primary subtag, lower case, three-letter codes mapped to
   * two letters where one exists; empty when the tag names no language.
   */
  public static Optional<String> normalise(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    if (NOT_A_LANGUAGE.contains(primary)) {
      return Optional.empty();
    }
    if (primary.length() == 2 && ISO_639_1.contains(primary)) {
      return Optional.of(Locale.forLanguageTag(primary).getLanguage());
    }
    if (primary.length() == 3 && primary.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      return Optional.of(ISO_639_2.getOrDefault(primary, primary));
    }
    return Optional.empty();
  }

  private static Map<String, String> iso6392() {
    Map<String, String> codes = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        codes.put(new Locale(two).getISO3Language(), two);
      } catch (MissingResourceException e) {
        // no three-letter code known for it: a three-letter tag for it stays as given
      }
    }
    // bibliographic codes some feeds still send
    codes.putAll(Map.of("fre", "fr", "ger", "de", "gre", "el", "dut", "nl", "chi", "zh", "cze", "cs"));
    return Map.copyOf(codes);
  }
}

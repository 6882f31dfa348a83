package io.newsflow.enrich.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The language of an article: the one it was delivered with when given, else detected from its text
 * (Optimaize n-gram profiles of 71 languages, Apache-2.0).
 */
public final class LanguageIdentifier {

  public static final String UNDETERMINED = "und";

  private final LanguageDetector detector;
  private final TextObjectFactory texts;

  private LanguageIdentifier(LanguageDetector detector) {
    this.detector = detector;
    this.texts = CommonTextObjectFactories.forDetectingOnLargeText();
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

  /** The language and where it came from. */
  public record Identified(String language, String source) {}

  public Identified identify(String declared, String headline, String body) {
    if (declared != null && !declared.isBlank()) {
      return new Identified(primarySubtag(declared), "record");
    }
    String sample = headline + "\n" + (body.length() > 2000 ? body.substring(0, 2000) : body);
    List<DetectedLanguage> probabilities = detector.getProbabilities(texts.forText(sample));
    if (probabilities.isEmpty() || probabilities.get(0).getProbability() < 0.5) {
      return new Identified(UNDETERMINED, "detected");
    }
    return new Identified(probabilities.get(0).getLocale().getLanguage(), "detected");
  }

  private static String primarySubtag(String tag) {
    return tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
  }
}

package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashFingerprinterTest {

  private static final String HEADLINE = "Dock workers strike shuts Rotterdam container terminals";
  private static final String BODY = "Dock workers at the port of Rotterdam walked off the job on Monday, halting operations "
      + "at the three largest container terminals in Europe's busiest port. The union said the 48-hour strike was called "
      + "after talks on a new wage agreement broke down over pay and the use of automated cranes.";

  private final MinHashFingerprinter fingerprinter = new MinHashFingerprinter();
  private final NearDuplicateRule rule = NearDuplicateRule.standard();

  @Test
  void sameTextHasTheSameFingerprint() {
    Fingerprint a = fingerprinter.fingerprint(HEADLINE, BODY);
    Fingerprint b = fingerprinter.fingerprint(HEADLINE, BODY);

    assertThat(a).isEqualTo(b);
    assertThat(a.bands()).hasSize(MinHashFingerprinter.BANDS);
    assertThat(a.signature()).hasSize(MinHashFingerprinter.HASHES);
    assertThat(a.similarity(b)).isEqualTo(1.0);
  }

  @Test
  void caseAccentsAndSpacingDoNotMatter() {
    Fingerprint a = fingerprinter.fingerprint(HEADLINE, BODY);
    Fingerprint b = fingerprinter.fingerprint(HEADLINE.toUpperCase(), BODY.replace(" ", "  \n").replace("Europe's", "Europé’s"));

    assertThat(a.similarity(b)).isEqualTo(1.0);
  }

  @Test
  void lightlyEditedCopyIsANearDuplicate() {
    // given a copy with a new headline, a trimmed clause and house-style edits
    Fingerprint original = fingerprinter.fingerprint(HEADLINE, BODY);
    Fingerprint copy = fingerprinter.fingerprint("Rotterdam port hit by 48-hour dockers' strike",
        "Dock workers at the port of Rotterdam walked off the job on Monday, halting operations at the three largest "
            + "container terminals in Europe's busiest port. The union said the 48-hour strike was called after wage "
            + "talks broke down over pay and the use of automated cranes.");

    // then the rule takes it for the same story
    assertThat(rule.isDuplicate(original, copy)).isTrue();
  }

  @Test
  void differentStoryOfTheSameEventIsNot() {
    Fingerprint original = fingerprinter.fingerprint(HEADLINE, BODY);
    Fingerprint other = fingerprinter.fingerprint("Ships queue off Dutch coast as port workers stage walkout",
        "More than a dozen container ships lay at anchor in the North Sea on Monday as a walkout by port workers "
            + "brought Rotterdam's terminals to a standstill. Terminal operators called the action disproportionate "
            + "and said they had offered a four percent raise over two years.");

    assertThat(original.similarity(other)).isLessThan(rule.threshold());
    assertThat(rule.isDuplicate(original, other)).isFalse();
  }

  @Test
  void textWithoutWordsHasNoBands() {
    Fingerprint none = fingerprinter.fingerprint("", " -- ");

    assertThat(none.isEmpty()).isTrue();
    assertThat(rule.isDuplicate(none, none)).isFalse();
  }
}

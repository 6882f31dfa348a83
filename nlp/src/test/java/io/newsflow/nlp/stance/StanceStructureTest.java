package io.newsflow.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.ArticleText;
import io.newsflow.nlp.model.Entity;
import io.newsflow.nlp.stance.StanceCandidates.Candidate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The candidates' grammatical place, read without a parser: subject, agent or object of a word of position, the
 * sentence's speaker, and the holders a sentence makes targets. Sentences written for the test.
 */
class StanceStructureTest {

  private static final StanceCandidates CANDIDATES = StanceCandidates.load();
  private static final EvaluativeWords WORDS = EvaluativeWords.load();

  @Test
  void theNameBeforeAVerbOfPositionIsItsSubjectPastAuxiliariesAndAnApposition() {
    Candidate japan = candidate("Japan has also strongly rejected the tariff plan.", "Japan");
    Candidate baker = candidate("Baker, the Treasury Secretary, opposed the tariff plan.", "Baker");

    assertThat(japan.features()).contains("subj=OPPOSE", "subjw=reject*");
    assertThat(baker.features()).contains("subj=OPPOSE");
  }

  @Test
  void bothNamesOfACoordinatedSubjectAreSubjects() {
    String text = "Iran and Algeria have already called for a higher benchmark.";

    assertThat(candidate(text, "Iran").features()).contains("subj=DEMAND");
    assertThat(candidate(text, "Algeria").features()).contains("subj=DEMAND");
  }

  @Test
  void theSpeakerOfAReportedPositionIsNotItsSubject() {
    String text = "Baker said Japan opposes the tariff plan.";

    Candidate baker = candidate(text, "Baker");
    Candidate japan = candidate(text, "Japan");

    assertThat(baker.features()).contains("speaker", "otherSubj=OPPOSE|speaker").doesNotContain("subj=OPPOSE");
    assertThat(japan.features()).contains("subj=OPPOSE").doesNotContain("speaker");
  }

  @Test
  void thePassiveAgentAndThePossessorHoldThePosition() {
    Candidate board = candidate("It was a bid that was rejected by the Piedmont board.", "Piedmont");
    Candidate bonn = candidate("Bonn's opposition to the levy hardened.", "Bonn");

    assertThat(board.features()).contains("agent=OPPOSE");
    assertThat(bonn.features()).contains("agent=OPPOSE");
  }

  @Test
  void theOneAskedToActOrAccusedIsOnlyATarget() {
    Candidate japan = candidate("Yeutter urged Japan to cut its tariffs.", "Japan");
    Candidate washington = candidate("Our aim is for Washington to remain committed to Europe.", "Washington");
    Candidate moscow = candidate("They implied that Moscow was not negotiating in good faith.", "Moscow");
    Candidate yeutter = candidate("Yeutter urged Japan to cut its tariffs.", "Yeutter");

    assertThat(japan.onlyTarget()).isTrue();
    assertThat(japan.features()).contains("askedTo", "object=DEMAND");
    assertThat(washington.onlyTarget()).isTrue();
    assertThat(moscow.onlyTarget()).isTrue();
    assertThat(yeutter.onlyTarget()).isFalse();
    assertThat(yeutter.features()).contains("subj=DEMAND");
  }

  @Test
  void theLongestWordOfPositionWinsAndAPrefixIsNotAnotherWord() {
    assertThat(WORDS.at(words("they called for talks"), 1, 4).tokens()).containsExactly("called", "for");
    assertThat(WORDS.at(words("texaco is pleased"), 2, 3)).isNull();
    assertThat(WORDS.at(words("japan rejected it"), 1, 3).cls()).isEqualTo("OPPOSE");
    assertThat(WORDS.at(words("in denmark"), 1, 2)).isNull();
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  /** The candidate of the one named {@code name} in a one-sentence story; names are capitalised words. */
  private static Candidate candidate(String body, String name) {
    ArticleText text = new ArticleText("", body, "en", null);
    EntityFixture fixture = EntityFixture.entities();
    for (String n : List.of("Japan", "Iran", "Algeria", "Bonn", "Moscow", "Washington")) {
      fixture.place("local:place:" + n.toLowerCase(), n, n);
    }
    for (String n : List.of("Baker", "Yeutter")) {
      fixture.person("local:person:" + n.toLowerCase(), n, n);
    }
    fixture.org("local:organization:piedmont", "Piedmont", "Piedmont");
    List<Entity> entities = fixture.in(text);
    return CANDIDATES.read(text, entities).candidates().stream()
        .filter(c -> c.holder().name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no candidate " + name + " in " + body));
  }
}

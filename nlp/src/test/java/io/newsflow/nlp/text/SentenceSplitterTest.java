package io.newsflow.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.nlp.model.TextField;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  @Test
  void splitsAfterFullStopFollowedByACapital() {
    assertThat(texts("Talks ended. Leaders left Paris.")).containsExactly("Talks ended.", "Leaders left Paris.");
  }

  @Test
  void keepsAbbreviationsAndInitialsInsideTheSentence() {
    assertThat(texts("Mr. Berg met J. Smith in the U.S. capital. He left."))
        .containsExactly("Mr. Berg met J. Smith in the U.S. capital.", "He left.");
  }

  @Test
  void keepsTheClosingQuoteWithItsSentence() {
    assertThat(texts("He said: “We are ready.” Then he left."))
        .containsExactly("He said: “We are ready.”", "Then he left.");
  }

  @Test
  void lineBreaksSeparateParagraphs() {
    List<Sentence> sentences = SentenceSplitter.split(TextField.BODY, "First one\n\nSecond one");
    assertThat(sentences).extracting(Sentence::paragraph).containsExactly(0, 1);
  }

  @Property
  void sentencesAreOrderedTrimmedAndInsideTheText(@ForAll @StringLength(max = 200) String text) {
    int previousEnd = 0;
    for (Sentence s : SentenceSplitter.split(TextField.BODY, text)) {
      assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
      assertThat(Character.isWhitespace(text.charAt(s.start()))).isFalse();
      assertThat(Character.isWhitespace(text.charAt(s.end() - 1))).isFalse();
      previousEnd = s.end();
    }
  }

  private static List<String> texts(String text) {
    return SentenceSplitter.split(TextField.BODY, text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }
}

package io.newsflow.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TokenizerTest {

  @Test
  void splitsNegationAndPossessiveClitics() {
    assertThat(Tokenizer.tokenize("Berlin didn't back Trump’s plan.")).extracting(Token::lower)
        .containsExactly("berlin", "did", "n't", "back", "trump", "'s", "plan", ".");
  }

  @Test
  void keepsHyphenatedWordsAndDottedAbbreviationsWhole() {
    assertThat(Tokenizer.tokenize("co-responsible U.S officials")).extracting(Token::text)
        .containsExactly("co-responsible", "U.S", "officials");
  }

  @Property
  void everyTokenIsTheTextAtItsOffsets(@ForAll String text) {
    int previousEnd = 0;
    for (Token t : Tokenizer.tokenize(text)) {
      assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
      assertThat(t.start()).isGreaterThanOrEqualTo(previousEnd);
      previousEnd = t.end();
    }
  }
}

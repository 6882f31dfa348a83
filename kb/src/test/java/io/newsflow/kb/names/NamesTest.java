package io.newsflow.kb.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void keysFoldAccentsCaseAndPunctuation() {
    // given / when / then
    assertThat(Names.key("Recep Tayyip Erdoğan")).isEqualTo("recep tayyip erdogan");
    assertThat(Names.key("U.S.")).isEqualTo("u s");
    assertThat(Names.key("Trump’s")).isEqualTo("trump");
    assertThat(Names.key("O'Neill")).isEqualTo("o'neill");
  }

  @Test
  void localIdsAreStableAndReadable() {
    // given / when / then
    assertThat(Names.localId("person", "Hans  Wurst")).isEqualTo("local:person:hans-wurst");
  }
}

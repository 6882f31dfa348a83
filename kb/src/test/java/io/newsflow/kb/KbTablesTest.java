package io.newsflow.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KbTablesTest {

  private static final String ROWS = "E\tQ1\tLOCATION\tcountry\tRuritania\tQ1\t1.000\tKingdom of Ruritania\n"
      + "R\tQ2\tking of ruritania\thead_of_state\tQ1\t2001-01-01\t\n"
      + "E\tQ2\tPERSON\tperson\tRudolf Rassendyll\t\t0.800\tRudolf of Ruritania\n";

  @Test
  void aFileOfAnotherFormatVersionIsCalledStale() throws IOException {
    // given compiled tables whose version is one behind
    byte[] bytes = compiled();
    ByteBuffer.wrap(bytes).putInt(4, KbTables.VERSION - 1);
    // when / then
    assertThatThrownBy(() -> KbTables.read(bytes, "test.bin"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test.bin")
        .hasMessageContaining("stale")
        .hasMessageContaining("mvn -pl kb package");
  }

  @Test
  void aTruncatedFileIsRefusedNotReadAsASmallerBase() throws IOException {
    // given
    byte[] bytes = compiled();
    // when / then, cut anywhere
    for (int length : new int[] {0, 7, 8, 20, bytes.length / 2, bytes.length - 4, bytes.length - 1}) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> KbTables.read(cut, "cut.bin")).as("cut at %d", length)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cut.bin");
    }
  }

  @Test
  void rowsAreNotTakenForCompiledTables() {
    assertThatThrownBy(() -> KbTables.read(ROWS.getBytes(StandardCharsets.UTF_8), "rows.tsv"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a compiled newsflow knowledge base");
  }

  @Test
  void entriesMadeTwiceAreEqualAndHashByTheirId() throws IOException {
    // given
    KnowledgeBase kb = KnowledgeBase.load(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)), null);
    // when the same identity is reached by id, by name and by family name
    Set<KbEntry> seen = new HashSet<>();
    seen.add(kb.byId("Q2"));
    seen.addAll(kb.byName("Rudolf Rassendyll"));
    seen.addAll(kb.personsByFamilyName("ruritania"));
    seen.addAll(kb.personsByFamilyName("rassendyll"));
    KbEntry fresh = kb.tables.entry(1);
    // then
    assertThat(seen).singleElement().isEqualTo(fresh);
    assertThat(fresh.hashCode()).isEqualTo("Q2".hashCode());
    assertThat(fresh).isNotSameAs(kb.byId("Q2"));
    assertThat(fresh.aliases()).containsExactly("Rudolf of Ruritania");
    assertThat(fresh.nameTokens()).containsExactly("rudolf", "rassendyll");
  }

  private static byte[] compiled() throws IOException {
    return KnowledgeBaseCompiler.compile(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8)), null);
  }
}

package io.newsflow.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringPoolTest {

  /** Empty, ASCII, accented, Cyrillic, CJK, beyond U+FFFF (😀, 𝔄), the last BMP characters, prefixes of others. */
  private static final List<String> STRINGS = List.of("", "a", "ab", "abc", "b", "é", "e\u0301", "Ñandú", "Москва",
      "東京", "\uD83D\uDE00", "\uD835\uDD04", "\uFFFD", "\uFFFF", "\uE000", "z\uD83D\uDE00", "z\uFFFD", "zz");

  @Test
  void internsEachStringOnceAndGivesItBackIntact() {
    // given
    StringPool.Builder builder = new StringPool.Builder();
    // when
    List<Integer> ids = STRINGS.stream().map(builder::intern).toList();
    List<Integer> again = STRINGS.stream().map(builder::intern).toList();
    StringPool pool = builder.build();
    // then
    assertThat(again).isEqualTo(ids);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(pool.size()).isEqualTo(STRINGS.size());
    assertThat(ids.stream().map(pool::get).toList()).isEqualTo(STRINGS);
  }

  @Test
  void comparesInPlaceInTheOrderOfStringCompareTo() {
    // given a pool of strings where UTF-8 byte order and UTF-16 order disagree (U+FFFD sorts after 😀 in UTF-8)
    StringPool.Builder builder = new StringPool.Builder();
    STRINGS.forEach(builder::intern);
    StringPool pool = builder.build();
    // when / then every pooled string compares with every string as String.compareTo does
    for (int id = 0; id < STRINGS.size(); id++) {
      for (String other : STRINGS) {
        assertThat(Integer.signum(pool.compare(id, other)))
            .as("%s vs %s", STRINGS.get(id), other)
            .isEqualTo(Integer.signum(STRINGS.get(id).compareTo(other)));
      }
      // a query ending inside a surrogate pair, and an unpaired surrogate
      assertThat(Integer.signum(pool.compare(id, "z\uD83D"))).isEqualTo(Integer.signum(STRINGS.get(id).compareTo("z\uD83D")));
      assertThat(Integer.signum(pool.compare(id, "\uDC00"))).isEqualTo(Integer.signum(STRINGS.get(id).compareTo("\uDC00")));
    }
  }

  @Test
  void anEmptyPoolHasNoStrings() {
    assertThat(new StringPool.Builder().build().size()).isZero();
  }

  @Test
  void refusesAnUnpairedSurrogateRatherThanStoreAQuestionMark() {
    assertThatThrownBy(() -> new StringPool.Builder().intern("a\uD800b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    // given
    StringPool.Builder builder = new StringPool.Builder();
    STRINGS.forEach(builder::intern);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    builder.build().write(new DataOutputStream(bytes));
    // when
    StringPool read = StringPool.read(ByteBuffer.wrap(bytes.toByteArray()));
    // then
    assertThat(read.size()).isEqualTo(STRINGS.size());
    for (int id = 0; id < STRINGS.size(); id++) {
      assertThat(read.get(id)).isEqualTo(STRINGS.get(id));
    }
  }
}

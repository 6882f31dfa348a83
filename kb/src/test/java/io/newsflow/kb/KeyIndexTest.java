package io.newsflow.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyIndexTest {

  @Test
  void anEmptyIndexFindsNothing() {
    // given
    StringPool.Builder strings = new StringPool.Builder();
    KeyIndex.Draft draft = KeyIndex.draft(Map.of(), strings);
    KeyIndex index = draft.on(strings.build());
    // when / then
    assertThat(index.size()).isZero();
    assertThat(index.find("")).isEqualTo(-1);
    assertThat(index.find("anything")).isEqualTo(-1);
    assertThat(index.find(null)).isEqualTo(-1);
    assertThat(index.lowerBound("m")).isZero();
  }

  @Test
  void findsEveryKeyWithItsListInOrderAndDuplicatesKept() {
    // given keys in no order, non-ASCII ones, the empty key, and a list holding a value twice
    Map<String, List<Integer>> lists = new LinkedHashMap<>();
    lists.put("zurich", List.of(1));
    lists.put("zürich", List.of(2, 3));
    lists.put("", List.of(4));
    lists.put("москва", List.of(5));
    lists.put("\uD83D\uDE00", List.of(6));
    lists.put("\uFFFD", List.of(7));
    lists.put("smith", List.of(9, 8, 9));
    lists.put("smithson", List.of());
    StringPool.Builder strings = new StringPool.Builder();
    KeyIndex index = KeyIndex.draft(lists, strings).on(strings.build());
    // when / then
    assertThat(index.size()).isEqualTo(lists.size());
    lists.forEach((key, values) -> assertThat(valuesOf(index, key)).as(key).isEqualTo(values));
    assertThat(index.find("smit")).isEqualTo(-1);
    assertThat(index.find("smithsonian")).isEqualTo(-1);
    assertThat(index.find("zurich ")).isEqualTo(-1);
    assertThat(index.find("\uD83D")).isEqualTo(-1);
  }

  @Test
  void keepsKeysInStringOrderSoThatAPrefixStartsARun() {
    // given
    Map<String, List<Integer>> lists = new LinkedHashMap<>();
    for (String key : List.of("b", "ab", "abc", "abd", "a", "\uFFFD", "\uD83D\uDE00", "é")) {
      lists.put(key, List.of(0));
    }
    StringPool.Builder strings = new StringPool.Builder();
    KeyIndex index = KeyIndex.draft(lists, strings).on(strings.build());
    // when
    List<String> keys = new ArrayList<>();
    for (int slot = 0; slot < index.size(); slot++) {
      keys.add(index.key(slot));
    }
    // then
    assertThat(keys).containsExactly("a", "ab", "abc", "abd", "b", "é", "\uD83D\uDE00", "\uFFFD");
    assertThat(index.key(index.lowerBound("ab"))).isEqualTo("ab");
    assertThat(index.key(index.lowerBound("abc "))).isEqualTo("abd");
    assertThat(index.lowerBound("\uFFFF")).isEqualTo(index.size());
  }

  @Test
  void aStringUsedAsKeyInTwoIndexesIsPooledOnce() throws IOException {
    // given "paris" as a name key and as a family name
    StringPool.Builder strings = new StringPool.Builder();
    KeyIndex.Draft names = KeyIndex.draft(Map.of("paris", List.of(1), "lyon", List.of(2)), strings);
    KeyIndex.Draft families = KeyIndex.draft(Map.of("paris", List.of(3)), strings);
    StringPool pool = strings.build();
    // when written and read back
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    names.write(out);
    families.write(out);
    ByteBuffer in = ByteBuffer.wrap(bytes.toByteArray());
    KeyIndex readNames = KeyIndex.read(in, pool);
    KeyIndex readFamilies = KeyIndex.read(in, pool);
    // then
    assertThat(pool.size()).isEqualTo(2);
    assertThat(valuesOf(readNames, "paris")).containsExactly(1);
    assertThat(valuesOf(readNames, "lyon")).containsExactly(2);
    assertThat(valuesOf(readFamilies, "paris")).containsExactly(3);
    assertThat(in.hasRemaining()).isFalse();
  }

  private static List<Integer> valuesOf(KeyIndex index, String key) {
    int slot = index.find(key);
    assertThat(slot).as("slot of %s", key).isNotNegative();
    List<Integer> values = new ArrayList<>();
    for (int at = index.from(slot); at < index.to(slot); at++) {
      values.add(index.value(at));
    }
    return values;
  }
}

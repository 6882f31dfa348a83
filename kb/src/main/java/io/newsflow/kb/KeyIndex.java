package io.newsflow.kb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * String keys in {@link String#compareTo} order, each with a list of ints (entry or term numbers, or the number of
 * a pooled string). Keys sharing a prefix are neighbours, which is what typing suggestions need. An exact lookup
 * goes through an open-addressing table on {@link String#hashCode}, built when the index is read: a binary search
 * would read some twenty keys scattered over the pool, the table mostly one. Queries are compared with the pooled
 * bytes in place, making no objects.
 */
final class KeyIndex {

  private final StringPool strings;
  /** Pooled string numbers, sorted by the strings. */
  private final int[] keys;
  /** List {@code i} belongs to {@code keys[i]}. */
  private final IntLists lists;
  /**
   * The hash table, a power of two of places at most two thirds full: place {@code p} holds a key's hash at {@code 2p} and
   * its slot + 1 at {@code 2p + 1} (0 where none), side by side so that a probe reads one cache line.
   */
  private final int[] table;
  private final int shift;

  /** {@code hashes[i]} is the {@link String#hashCode} of key {@code i} (kept in the file, to fill the table). */
  KeyIndex(StringPool strings, int[] keys, int[] hashes, IntLists lists) {
    if (keys.length != lists.size() || keys.length != hashes.length) {
      throw new IllegalArgumentException(keys.length + " keys but " + hashes.length + " hashes and " + lists.size()
          + " lists");
    }
    this.strings = strings;
    this.keys = keys;
    this.lists = lists;
    // at most two thirds full: probes stay short and the table small
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(keys.length + keys.length / 2));
    this.table = new int[2 << bits];
    this.shift = 32 - bits;
    for (int slot = 0; slot < keys.length; slot++) {
      int at = home(hashes[slot]);
      while (table[at + 1] != 0) {
        at = next(at);
      }
      table[at] = hashes[slot];
      table[at + 1] = slot + 1;
    }
  }

  /**
   * Where a hash's probe starts: Fibonacci hashing (the top bits of the hash times 2^32 / golden ratio) spreads
   * the near hashes of similar keys.
   */
  private int home(int hash) {
    return ((hash * 0x9E3779B9) >>> shift) << 1;
  }

  private int next(int at) {
    return (at + 2) & (table.length - 1);
  }

  /** Sorts the keys of {@code lists} and numbers them in {@code strings}, whose pool is not built yet. */
  static Draft draft(Map<String, ? extends Collection<Integer>> lists, StringPool.Builder strings) {
    String[] sorted = lists.keySet().toArray(new String[0]);
    Arrays.sort(sorted);
    int[] keys = new int[sorted.length];
    int[] hashes = new int[sorted.length];
    List<Collection<Integer>> values = new ArrayList<>(sorted.length);
    for (int i = 0; i < sorted.length; i++) {
      keys[i] = strings.intern(sorted[i]);
      hashes[i] = sorted[i].hashCode();
      values.add(lists.get(sorted[i]));
    }
    return new Draft(keys, hashes, IntLists.of(values));
  }

  /** An index whose keys are numbered in a string pool still being built: written before the pool is complete. */
  record Draft(int[] keys, int[] hashes, IntLists lists) {

    KeyIndex on(StringPool strings) {
      return new KeyIndex(strings, keys, hashes, lists);
    }

    /** Writes what {@link KeyIndex#read} reads. */
    void write(DataOutputStream out) throws IOException {
      TableIo.writeInts(out, keys);
      TableIo.writeInts(out, hashes);
      lists.write(out);
    }
  }

  int size() {
    return keys.length;
  }

  String key(int slot) {
    return strings.get(keys[slot]);
  }

  /** The slot of {@code key}, or -1 when it is not a key (or null). */
  int find(String key) {
    if (key == null) {
      return -1;
    }
    int hash = key.hashCode();
    for (int at = home(hash); table[at + 1] != 0; at = next(at)) {
      int slot = table[at + 1] - 1;
      if (table[at] == hash && strings.compare(keys[slot], key) == 0) {
        return slot;
      }
    }
    return -1;
  }

  /** The first slot whose key is not less than {@code key}; {@link #size} when every key is less. */
  int lowerBound(CharSequence key) {
    int lo = 0;
    int hi = keys.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (strings.compare(keys[mid], key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Where the list of {@code slot} starts: its values are {@link #value}{@code (from(slot)) ..}. */
  int from(int slot) {
    return lists.from(slot);
  }

  /** Where the list of {@code slot} ends (exclusive). */
  int to(int slot) {
    return lists.to(slot);
  }

  int value(int at) {
    return lists.value(at);
  }

  static KeyIndex read(ByteBuffer in, StringPool strings) {
    int[] keys = TableIo.readInts(in);
    int[] hashes = TableIo.readInts(in);
    return new KeyIndex(strings, keys, hashes, IntLists.read(in));
  }
}

package io.newsflow.nlp.entities.recognition;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit hashes to ints, with no boxing. {@link #clear()} is O(1) (a generation
 * stamp), so one table serves document after document; it grows only when a document has more keys than
 * any before it.
 */
public final class LongIntTable {

  private long[] keys;
  private int[] values;
  private int[] stamps;
  private int stamp = 1;
  private int size;
  private int mask;

  public LongIntTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    stamps = new int[capacity];
    mask = capacity - 1;
  }

  public void clear() {
    size = 0;
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
  }

  public int size() {
    return size;
  }

  /** The value of the key, or {@code missing}. */
  public int get(long key, int missing) {
    int i = slot(key);
    while (stamps[i] == stamp) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return missing;
  }

  public void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(key);
    while (stamps[i] == stamp) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    stamps[i] = stamp;
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Calls the visitor with every key and value (for writing a model file). */
  public void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (stamps[i] == stamp) {
        visitor.visit(keys[i], values[i]);
      }
    }
  }

  /** Receives one entry. */
  @FunctionalInterface
  public interface Visitor {
    void visit(long key, int value);
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    int[] oldStamps = stamps;
    int oldStamp = stamp;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    stamps = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    stamp = 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldStamps[i] == oldStamp) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}

package io.newsflow.kb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;

/**
 * Many lists of ints laid end to end in one array, list {@code i} running from {@link #from}{@code (i)} up to
 * {@link #to}{@code (i)}: two arrays however many lists there are, instead of an object and an array per list.
 */
final class IntLists {

  private final int[] start;
  private final int[] values;

  IntLists(int[] start, int[] values) {
    if (start.length == 0 || start[0] != 0 || start[start.length - 1] != values.length) {
      throw new IllegalArgumentException("List starts do not cover the " + values.length + " values");
    }
    this.start = start;
    this.values = values;
  }

  /** The lists in the order given. */
  static IntLists of(Collection<? extends Collection<Integer>> lists) {
    int[] start = new int[lists.size() + 1];
    int i = 0;
    for (Collection<Integer> list : lists) {
      start[i + 1] = start[i] + list.size();
      i++;
    }
    int[] values = new int[start[lists.size()]];
    int at = 0;
    for (Collection<Integer> list : lists) {
      for (int v : list) {
        values[at++] = v;
      }
    }
    return new IntLists(start, values);
  }

  int size() {
    return start.length - 1;
  }

  /** Where list {@code i} starts in the values. */
  int from(int i) {
    return start[i];
  }

  /** Where list {@code i} ends (exclusive) in the values. */
  int to(int i) {
    return start[i + 1];
  }

  int value(int at) {
    return values[at];
  }

  void write(DataOutputStream out) throws IOException {
    TableIo.writeInts(out, start);
    TableIo.writeInts(out, values);
  }

  static IntLists read(ByteBuffer in) {
    int[] start = TableIo.readInts(in);
    return new IntLists(start, TableIo.readInts(in));
  }
}

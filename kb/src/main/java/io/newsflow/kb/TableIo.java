package io.newsflow.kb;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Primitive arrays in the compiled file: a length, then the elements big-endian. Reading copies each array out of
 * the file's bytes in one bulk call, which is what makes loading take a fraction of a second.
 */
final class TableIo {

  private TableIo() {}

  static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  static void writeBytes(DataOutputStream out, byte[] values) throws IOException {
    out.writeInt(values.length);
    out.write(values);
  }

  static int[] readInts(ByteBuffer in) {
    int[] values = new int[length(in, Integer.BYTES)];
    in.asIntBuffer().get(values);
    in.position(in.position() + values.length * Integer.BYTES);
    return values;
  }

  static byte[] readBytes(ByteBuffer in) {
    byte[] values = new byte[length(in, 1)];
    in.get(values);
    return values;
  }

  /** The length of the next array; the file must hold it whole (a corrupt length reads as a truncated file). */
  private static int length(ByteBuffer in, int width) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / width) {
      throw new BufferUnderflowException();
    }
    return n;
  }
}

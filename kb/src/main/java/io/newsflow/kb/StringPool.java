package io.newsflow.kb;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every string of the compiled knowledge base once, as UTF-8 bytes end to end in one array and found by number:
 * a name costs its bytes and one offset instead of a {@code String}, its array and the map entries pointing at it.
 * Strings are compared in place, in {@link String#compareTo} order, so sorted indexes need no decoding to search.
 */
final class StringPool {

  private final byte[] bytes;
  /** String {@code i} is {@code bytes[offsets[i]] .. bytes[offsets[i + 1] - 1]}. */
  private final int[] offsets;

  StringPool(byte[] bytes, int[] offsets) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != bytes.length) {
      throw new IllegalArgumentException("String offsets do not cover the " + bytes.length + " pooled bytes");
    }
    this.bytes = bytes;
    this.offsets = offsets;
  }

  int size() {
    return offsets.length - 1;
  }

  String get(int id) {
    return new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
  }

  /**
   * Compares string {@code id} with {@code s} as {@code get(id).compareTo(s)} would (by UTF-16 code units, which
   * differs from the order of the UTF-8 bytes for characters beyond U+FFFF), without making the string.
   * Only the sign of the result is meaningful.
   */
  int compare(int id, CharSequence s) {
    int at = offsets[id];
    int end = offsets[id + 1];
    int i = 0;
    int n = s.length();
    while (at < end && i < n) {
      int b = bytes[at] & 0xFF;
      int codePoint;
      if (b < 0x80) {
        codePoint = b;
        at += 1;
      } else if (b < 0xE0) {
        codePoint = (b & 0x1F) << 6 | bytes[at + 1] & 0x3F;
        at += 2;
      } else if (b < 0xF0) {
        codePoint = (b & 0x0F) << 12 | (bytes[at + 1] & 0x3F) << 6 | bytes[at + 2] & 0x3F;
        at += 3;
      } else {
        codePoint = (b & 0x07) << 18 | (bytes[at + 1] & 0x3F) << 12 | (bytes[at + 2] & 0x3F) << 6
            | bytes[at + 3] & 0x3F;
        at += 4;
      }
      if (codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
        int d = codePoint - s.charAt(i++);
        if (d != 0) {
          return d;
        }
      } else {
        int d = Character.highSurrogate(codePoint) - s.charAt(i++);
        if (d != 0) {
          return d;
        }
        if (i == n) {
          return 1; // the pooled string goes on with the low surrogate
        }
        d = Character.lowSurrogate(codePoint) - s.charAt(i++);
        if (d != 0) {
          return d;
        }
      }
    }
    return at < end ? 1 : i < n ? -1 : 0;
  }

  void write(DataOutputStream out) throws IOException {
    TableIo.writeInts(out, offsets);
    TableIo.writeBytes(out, bytes);
  }

  static StringPool read(ByteBuffer in) {
    int[] offsets = TableIo.readInts(in);
    return new StringPool(TableIo.readBytes(in), offsets);
  }

  /** Numbers strings in the order first seen, each once. */
  static final class Builder {

    private final Map<String, Integer> ids = new HashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder(); // reports unpaired surrogates
    private int[] offsets = new int[1024];
    private int size;

    int intern(String s) {
      Integer known = ids.get(s);
      if (known != null) {
        return known;
      }
      ByteBuffer encoded;
      try {
        encoded = utf8.encode(CharBuffer.wrap(s));
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("Not valid Unicode (an unpaired surrogate?): " + s, e);
      }
      bytes.write(encoded.array(), encoded.arrayOffset() + encoded.position(), encoded.remaining());
      if (size + 2 > offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[++size] = bytes.size();
      ids.put(s, size - 1);
      return size - 1;
    }

    StringPool build() {
      return new StringPool(bytes.toByteArray(), Arrays.copyOf(offsets, size + 1));
    }
  }
}

package io.newsflow.launcher.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Byte-level mutations of a valid document, one to four at a time. */
final class Mutations {

  private static final String[] TOKENS = {"{", "}", "[", "]", "\"", "\\", ":", ",", "<", ">", "</", "/>", "&", "&amp;",
      "&#0;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "\\u0000", "\\ud800", "null", "1e999999", "-0",
      "99999999999999999999999", "\n", "\r\n", "\u0000", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<?xml version=\"1.0\"?>"};

  private Mutations() {}

  static byte[] mutate(Random random, byte[] original, List<InputGenerator.Sample> others) {
    byte[] bytes = original.clone();
    int rounds = 1 + random.nextInt(4);
    for (int i = 0; i < rounds; i++) {
      bytes = switch (random.nextInt(8)) {
        case 0 -> flipBits(random, bytes);
        case 1 -> setByte(random, bytes);
        case 2 -> truncate(random, bytes);
        case 3 -> deleteRange(random, bytes);
        case 4 -> duplicateRange(random, bytes);
        case 5 -> insert(random, bytes, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
        case 6 -> splice(random, bytes, others.get(random.nextInt(others.size())).bytes());
        default -> insert(random, bytes, HostileDocuments.randomWord(random).getBytes(StandardCharsets.UTF_8));
      };
    }
    return bytes;
  }

  private static byte[] flipBits(Random random, byte[] bytes) {
    if (bytes.length == 0) {
      return bytes;
    }
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return bytes;
  }

  private static byte[] setByte(Random random, byte[] bytes) {
    if (bytes.length > 0) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static byte[] truncate(Random random, byte[] bytes) {
    return bytes.length == 0 ? bytes : Arrays.copyOf(bytes, random.nextInt(bytes.length));
  }

  private static byte[] deleteRange(Random random, byte[] bytes) {
    if (bytes.length < 2) {
      return bytes;
    }
    int from = random.nextInt(bytes.length);
    int to = Math.min(bytes.length, from + 1 + random.nextInt(Math.max(1, bytes.length / 8)));
    byte[] out = new byte[bytes.length - (to - from)];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(bytes, to, out, from, bytes.length - to);
    return out;
  }

  private static byte[] duplicateRange(Random random, byte[] bytes) {
    if (bytes.length == 0 || bytes.length > 1_000_000) {
      return bytes;
    }
    int from = random.nextInt(bytes.length);
    int to = Math.min(bytes.length, from + 1 + random.nextInt(Math.max(1, bytes.length / 4)));
    return insert(random, bytes, Arrays.copyOfRange(bytes, from, to));
  }

  private static byte[] insert(Random random, byte[] bytes, byte[] piece) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
    byte[] out = new byte[bytes.length + piece.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(bytes, at, out, at + piece.length, bytes.length - at);
    return out;
  }

  private static byte[] splice(Random random, byte[] bytes, byte[] other) {
    int cut = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    int from = other.length == 0 ? 0 : random.nextInt(other.length);
    byte[] out = new byte[cut + other.length - from];
    System.arraycopy(bytes, 0, out, 0, cut);
    System.arraycopy(other, from, out, cut, other.length - from);
    return out;
  }
}

package io.newsflow.nlp.entities.recognition;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained sequence tagger: hashed feature weights per label (16-bit, one scale), label transitions, and the
 * word clusters and gazetteer its features read. Immutable once read; shared between threads.
 *
 * <p>File (gzip): format name, provenance, hash bits, label count, weight scale, transitions, the non-zero
 * weights as (gap, value) pairs, the clusters and the gazetteer as (key, value) pairs.
 */
public final class NerModel {

  public static final String FORMAT = "newsflow-ner/1";
  private static final int L = NerLabels.COUNT;

  private final String provenance;
  private final int mask;
  private final short[] weights;
  private final float scale;
  private final float[] transitions;
  private final LongIntTable clusters;
  private final LongIntTable names;

  private NerModel(String provenance, int hashBits, short[] weights, float scale, float[] transitions,
                   LongIntTable clusters, LongIntTable names) {
    this.provenance = provenance;
    this.mask = (1 << hashBits) - 1;
    this.weights = weights;
    this.scale = scale;
    this.transitions = transitions;
    this.clusters = clusters;
    this.names = names;
  }

  public String provenance() {
    return provenance;
  }

  public LongIntTable clusters() {
    return clusters;
  }

  public LongIntTable names() {
    return names;
  }

  public float[] transitions() {
    return transitions;
  }

  /** Adds the label scores of one token's features into {@code emission[row .. row + L)}. */
  public void score(int[] features, int offset, int count, float[] emission, int row) {
    int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (int i = offset; i < offset + count; i++) {
      int b = (features[i] & mask) * L;
      s0 += weights[b];
      s1 += weights[b + 1];
      s2 += weights[b + 2];
      s3 += weights[b + 3];
      s4 += weights[b + 4];
      s5 += weights[b + 5];
      s6 += weights[b + 6];
      s7 += weights[b + 7];
      s8 += weights[b + 8];
    }
    emission[row] = s0 * scale;
    emission[row + 1] = s1 * scale;
    emission[row + 2] = s2 * scale;
    emission[row + 3] = s3 * scale;
    emission[row + 4] = s4 * scale;
    emission[row + 5] = s5 * scale;
    emission[row + 6] = s6 * scale;
    emission[row + 7] = s7 * scale;
    emission[row + 8] = s8 * scale;
  }

  /** Reads a model file (gzip). */
  public static NerModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    String format = in.readUTF();
    if (!format.equals(FORMAT)) {
      throw new IOException("Not a " + FORMAT + " model: " + format);
    }
    String provenance = in.readUTF();
    int hashBits = in.readInt();
    int labels = in.readInt();
    if (labels != L || hashBits < 8 || hashBits > 26) {
      throw new IOException("Unsupported model: " + labels + " labels, " + hashBits + " hash bits");
    }
    float scale = in.readFloat();
    float[] transitions = new float[(L + 1) * L];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = in.readFloat();
    }
    short[] weights = new short[(1 << hashBits) * L];
    int nonZero = in.readInt();
    int index = -1;
    for (int i = 0; i < nonZero; i++) {
      index += readVarInt(in);
      weights[index] = in.readShort();
    }
    return new NerModel(provenance, hashBits, weights, scale, transitions, readTable(in), readTable(in));
  }

  /**
   * Writes a model: weights whose magnitude is below {@code prune} are dropped, the rest quantised to 16 bits.
   *
   * @return the number of weights kept
   */
  public static int write(OutputStream raw, String provenance, int hashBits, float[] weights, float[] transitions,
                          LongIntTable clusters, LongIntTable names, float prune) throws IOException {
    float max = 0;
    int nonZero = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
      if (Math.abs(w) >= prune) {
        nonZero++;
      }
    }
    float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16));
    out.writeUTF(FORMAT);
    out.writeUTF(provenance);
    out.writeInt(hashBits);
    out.writeInt(L);
    out.writeFloat(scale);
    for (float t : transitions) {
      out.writeFloat(t);
    }
    out.writeInt(nonZero);
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (Math.abs(weights[i]) >= prune) {
        writeVarInt(out, i - last);
        out.writeShort(Math.round(weights[i] / scale));
        last = i;
      }
    }
    writeTable(out, clusters);
    writeTable(out, names);
    out.flush();
    out.close();
    return nonZero;
  }

  private static LongIntTable readTable(DataInputStream in) throws IOException {
    int n = in.readInt();
    LongIntTable table = new LongIntTable(n);
    for (int i = 0; i < n; i++) {
      table.put(in.readLong(), in.readInt());
    }
    return table;
  }

  private static void writeTable(DataOutputStream out, LongIntTable table) throws IOException {
    out.writeInt(table.size());
    IOException[] failure = new IOException[1];
    table.forEach((key, value) -> {
      try {
        out.writeLong(key);
        out.writeInt(value);
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int value = 0;
    int shift = 0;
    while (true) {
      int b = in.readUnsignedByte();
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
      shift += 7;
    }
  }

  private static void writeVarInt(DataOutputStream out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.writeByte(value);
  }
}

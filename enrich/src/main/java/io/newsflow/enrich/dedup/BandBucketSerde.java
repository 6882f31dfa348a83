package io.newsflow.enrich.dedup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a {@link BandBucket}: the bands store holds one entry per band of every recent story,
 * so each byte counts {@value MinHashFingerprinter#BANDS} times (JSON with a base64 signature took about
 * twice the bytes). Layout: format byte, entry count, then per entry story id, source, cluster (empty when the story's
 * own id), signature length and bytes, seen-at millis.
 */
public final class BandBucketSerde implements Serde<BandBucket> {

  private static final byte FORMAT = 1;

  public byte[] encode(BandBucket bucket) {
    if (bucket == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + bucket.entries().size() * 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeShort(bucket.entries().size());
      for (BandEntry e : bucket.entries()) {
        out.writeUTF(e.storyId());
        out.writeUTF(e.source());
        out.writeUTF(e.cluster().equals(e.storyId()) ? "" : e.cluster());
        out.writeByte(e.signature().length);
        out.write(e.signature());
        out.writeLong(e.seenAt());
      }
    } catch (IOException e) {
      throw new SerializationException("Cannot write band bucket", e);
    }
    return bytes.toByteArray();
  }

  public BandBucket decode(byte[] data) {
    if (data == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new SerializationException("Unknown band bucket format " + format);
      }
      int count = in.readUnsignedShort();
      List<BandEntry> entries = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String storyId = in.readUTF();
        String source = in.readUTF();
        String cluster = in.readUTF();
        byte[] signature = new byte[in.readUnsignedByte()];
        in.readFully(signature);
        long seenAt = in.readLong();
        entries.add(new BandEntry(storyId, source, cluster.isEmpty() ? storyId : cluster, signature, seenAt));
      }
      return new BandBucket(List.copyOf(entries));
    } catch (IOException e) {
      throw new SerializationException("Not a band bucket", e);
    }
  }

  @Override
  public Serializer<BandBucket> serializer() {
    return (topic, bucket) -> encode(bucket);
  }

  @Override
  public Deserializer<BandBucket> deserializer() {
    return (topic, data) -> decode(data);
  }
}

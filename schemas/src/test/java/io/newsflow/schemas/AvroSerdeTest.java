package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.PubStatus;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceFormat;
import io.newsflow.schemas.serde.AvroSerde;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class);

  @Test
  void roundTripsARawArticle() {
    RawArticle article = article();

    RawArticle decoded = serde.deserializer().deserialize("t", serde.serializer().serialize("t", article));

    assertThat(decoded).isEqualTo(article);
  }

  @Test
  void writesSingleObjectEncodingWithTheSchemaFingerprint() {
    byte[] bytes = serde.encode(article());

    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = SchemaNormalization.parsingFingerprint64(RawArticle.getClassSchema());
    long written = 0;
    for (int i = 9; i >= 2; i--) {
      written = (written << 8) | (bytes[i] & 0xFF);
    }
    assertThat(written).isEqualTo(fingerprint);
  }

  @Test
  void rejectsBytesThatAreNotAnAvroRecord() {
    assertThatThrownBy(() -> serde.decode("{\"id\":1}".getBytes()))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void rejectsARecordWrittenWithAnUnknownSchema() {
    Schema other = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"RawArticle\",\"namespace\":\"io.newsflow.schemas.avro\",\"doc\":\"x\","
            + "\"fields\":[{\"name\":\"only\",\"type\":\"string\",\"doc\":\"x\"}]}");
    byte[] bytes = serde.encode(article());
    long unknown = SchemaNormalization.parsingFingerprint64(other);
    for (int i = 0; i < 8; i++) {
      bytes[2 + i] = (byte) (unknown >>> (8 * i));
    }

    assertThatThrownBy(() -> serde.decode(bytes)).isInstanceOf(SerializationException.class);
  }

  static RawArticle article() {
    return RawArticle.newBuilder()
        .setId("urn:newsflow:test:1")
        .setVersion(2)
        .setSource("test-desk")
        .setFormat(SourceFormat.JSON)
        .setHeadline("Leaders meet in Paris")
        .setBody("French President Emmanuel Macron hosted the meeting.")
        .setLanguage("en")
        .setReceived(Instant.parse("2025-03-27T10:15:30Z"))
        .setPubStatus(PubStatus.USABLE)
        .setContentType("application/json")
        .setOriginalDigest("00")
        .setTextDigest("11")
        .build();
  }
}

package io.newsflow.enrich.stories;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON for the records this module keeps in its own state stores and internal topics. */
public final class JsonSerde<T> implements Serde<T> {

  private final Class<T> type;
  private final ObjectMapper mapper = Json.mapper();

  private JsonSerde(Class<T> type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  public byte[] encode(T value) {
    try {
      return value == null ? null : mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public T decode(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw new SerializationException("Not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> encode(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> decode(bytes);
  }
}

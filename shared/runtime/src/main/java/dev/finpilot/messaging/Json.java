package dev.finpilot.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.domain.JsonMapping;

/**
 * {@link JsonMapping} for messages and stored items: anything unreadable is a {@link
 * PoisonMessageException}, malformed for good and not worth a retry.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapping.mapper();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    return JsonMapping.write(value);
  }

  /** Reads a message body; anything unreadable is malformed for good, not worth a retry. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return JsonMapping.read(json, type);
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage(), e);
    }
  }

  public static JsonNode readTree(String json) {
    try {
      return JsonMapping.readTree(json);
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage(), e);
    }
  }

  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PoisonMessageException("cannot read " + type.getSimpleName(), e);
    }
  }
}

package dev.finpilot.aws;

import dev.finpilot.domain.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for DynamoDB items, shared by every FinPilot table adapter. */
public final class Items {
  private Items() {}

  public static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }

  public static AttributeValue n(long value) {
    return AttributeValue.builder().n(Long.toString(value)).build();
  }

  /**
   * The key of an item in a FinPilot table: every table has string keys {@code pk} and {@code sk}.
   */
  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  static String stringOrNull(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  /**
   * An opaque page cursor. Every key attribute FinPilot pages over is a string, so the cursor is
   * the key's name=value pairs, URL-safe base64 encoded.
   */
  static String encodeCursor(Map<String, AttributeValue> key) {
    String joined =
        key.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "\u0000" + e.getValue().s())
            .collect(Collectors.joining("\u0001"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, AttributeValue> decodeCursor(String cursor) {
    String joined;
    try {
      joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException();
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String pair : joined.split("\u0001", -1)) {
      String[] parts = pair.split("\u0000", 2);
      if (parts.length != 2) {
        throw new InvalidCursorException();
      }
      key.put(parts[0], s(parts[1]));
    }
    return key;
  }
}

package dev.finpilot.regulation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Strict field access into the data file: a missing or mistyped field is an error naming its JSON
 * path, never a default, because a silently missing limit would approve anything.
 */
final class JsonFields {
  private final Map<String, Citation> citations;

  JsonFields(Map<String, Citation> citations) {
    this.citations = citations;
  }

  static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isObject()) {
      throw new RegulatoryDataException(path + "." + name + ": an object is required");
    }
    return node;
  }

  static JsonNode array(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isArray()) {
      throw new RegulatoryDataException(path + "." + name + ": an array is required");
    }
    return node;
  }

  static BigDecimal decimal(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isNumber()) {
      throw new RegulatoryDataException(path + "." + name + ": a number is required");
    }
    return node.decimalValue();
  }

  static Money usd(JsonNode parent, String name, String path) {
    BigDecimal value = decimal(parent, name, path);
    if (value.signum() < 0) {
      throw new RegulatoryDataException(path + "." + name + ": must not be negative");
    }
    return Money.usd(value);
  }

  static int integer(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new RegulatoryDataException(path + "." + name + ": an integer is required");
    }
    return node.intValue();
  }

  static String text(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isTextual()) {
      throw new RegulatoryDataException(path + "." + name + ": a string is required");
    }
    return node.textValue();
  }

  static boolean bool(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isBoolean()) {
      throw new RegulatoryDataException(path + "." + name + ": a boolean is required");
    }
    return node.booleanValue();
  }

  static PhaseOut phaseOut(JsonNode parent, String name, String path) {
    JsonNode range = array(parent, name, path);
    String where = path + "." + name;
    if (range.size() != 2 || !range.get(0).isNumber() || !range.get(1).isNumber()) {
      throw new RegulatoryDataException(where + ": a [start, end] pair of numbers is required");
    }
    try {
      return new PhaseOut(
          Money.usd(range.get(0).decimalValue()), Money.usd(range.get(1).decimalValue()));
    } catch (IllegalArgumentException e) {
      throw new RegulatoryDataException(where + ": " + e.getMessage(), e);
    }
  }

  /** Resolves the {@code source} key of an object against the file's {@code sources} map. */
  Citation citation(JsonNode parent, String name, String path) {
    String key = text(parent, name, path);
    Citation citation = citations.get(key);
    if (citation == null) {
      throw new RegulatoryDataException(
          path + "." + name + ": unknown source key '" + key + "'; known: " + citations.keySet());
    }
    return citation;
  }
}

package dev.finpilot.testkit.template;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the parsed YAML tree, with errors that say where in the template it went wrong.
 * The overloads without {@code where} are for callers whose own message already says where, such as
 * a test's assertion description.
 */
public final class Nodes {

  private static final String VALUE = "value";

  private Nodes() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new TemplateException(where + ": expected a mapping but found " + describe(value));
  }

  public static Map<String, Object> map(Object value) {
    return map(value, VALUE);
  }

  static Map<String, Object> optionalMap(Object value, String where) {
    return value == null ? Map.of() : map(value, where);
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value, String where) {
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new TemplateException(where + ": expected a list but found " + describe(value));
  }

  public static List<Object> list(Object value) {
    return list(value, VALUE);
  }

  static List<Object> optionalList(Object value, String where) {
    return value == null ? List.of() : list(value, where);
  }

  /** A list as itself, any other value as a list of one (IAM's Resource and Action accept both). */
  public static List<Object> listOrSingle(Object value) {
    return value instanceof List ? list(value) : Collections.singletonList(value);
  }

  /** The value at {@code path} below {@code node}, or empty when any step is absent. */
  public static Optional<Object> at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
        return Optional.empty();
      }
      current = map.get(step);
    }
    return Optional.ofNullable(current);
  }

  /** The mapping at {@code path} below {@code node}, empty when any step is absent. */
  public static Map<String, Object> mapAt(Object node, String... path) {
    return optionalMap(at(node, path).orElse(null), String.join(".", path));
  }

  static String text(Object value, String where) {
    if (value instanceof String text) {
      return text;
    }
    throw new TemplateException(where + ": expected a plain value but found " + describe(value));
  }

  static int integer(Object value, String where) {
    String text = text(value, where);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TemplateException(where + ": expected an integer but found '" + text + "'", e);
    }
  }

  public static int integer(Object value) {
    return integer(value, VALUE);
  }

  static boolean bool(Object value, String where) {
    String text = text(value, where).trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new TemplateException(where + ": expected true or false but found '" + text + "'");
  }

  static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map<?, ?> map) {
      return "a mapping " + map.keySet();
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "'" + value + "'";
  }
}

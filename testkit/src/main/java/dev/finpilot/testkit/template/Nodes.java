package dev.finpilot.testkit.template;

import java.util.List;
import java.util.Map;

/**
 * Typed access to the parsed YAML tree, with errors that say where in the template it went wrong.
 */
final class Nodes {

  private Nodes() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new TemplateException(where + ": expected a mapping but found " + describe(value));
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

  static List<Object> optionalList(Object value, String where) {
    return value == null ? List.of() : list(value, where);
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

package dev.finpilot.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed access to parsed YAML/JSON trees and the logical ids that intrinsic functions name. */
final class Nodes {

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private Nodes() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    if (!(node instanceof Map)) {
      throw new IllegalArgumentException("expected a mapping but found " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    if (!(node instanceof List)) {
      throw new IllegalArgumentException("expected a list but found " + node);
    }
    return (List<Object>) node;
  }

  /** A list as itself, any other value as a list of one (IAM's Resource and Action accept both). */
  static List<Object> listOrSingle(Object node) {
    return node instanceof List ? list(node) : Collections.singletonList(node);
  }

  /** The mapping at {@code path} below {@code node}, or empty when any step is absent. */
  static Optional<Object> at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (!(current instanceof Map<?, ?> m) || !m.containsKey(step)) {
        return Optional.empty();
      }
      current = m.get(step);
    }
    return Optional.ofNullable(current);
  }

  static Map<String, Object> mapAt(Object node, String... path) {
    return at(node, path).map(Nodes::map).orElse(Map.of());
  }

  static int integer(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    return Integer.parseInt(String.valueOf(value));
  }

  /**
   * The logical id a value points at when it is {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id,
   * attribute]}}; empty for literals and other functions.
   */
  static Optional<String> target(Object value) {
    if (value instanceof Map<?, ?> m && m.size() == 1) {
      if (m.get("Ref") instanceof String id) {
        return Optional.of(id);
      }
      if (m.get("Fn::GetAtt") instanceof List<?> args && !args.isEmpty()) {
        return Optional.of(String.valueOf(args.get(0)));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code value} is {@code {"Fn::GetAtt": [id, attribute]}}. */
  static boolean isGetAtt(Object value, String id, String attribute) {
    return value instanceof Map<?, ?> m
        && m.size() == 1
        && List.of(id, attribute).equals(m.get("Fn::GetAtt"));
  }

  /** Whether {@code value} is {@code {"Ref": id}}. */
  static boolean isRef(Object value, String id) {
    return value instanceof Map<?, ?> m && m.size() == 1 && id.equals(m.get("Ref"));
  }

  /**
   * Every logical id (resource, parameter or pseudo parameter) referenced anywhere below {@code
   * node}, through Ref, GetAtt or the variables of Sub.
   */
  static Set<String> referencedIds(Object node) {
    Set<String> ids = new LinkedHashSet<>();
    collect(node, ids);
    return ids;
  }

  private static void collect(Object node, Set<String> ids) {
    if (node instanceof Map<?, ?> m) {
      target(node).ifPresent(ids::add);
      if (m.size() == 1 && m.containsKey("Fn::Sub")) {
        collectSub(m.get("Fn::Sub"), ids);
        return;
      }
      m.values().forEach(v -> collect(v, ids));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(v, ids));
    }
  }

  private static void collectSub(Object argument, Set<String> ids) {
    String text;
    Set<String> locals = Set.of();
    if (argument instanceof List<?> args) {
      text = String.valueOf(args.get(0));
      if (args.size() > 1) {
        Map<String, Object> variables = map(args.get(1));
        locals = variables.keySet();
        variables.values().forEach(v -> collect(v, ids));
      }
    } else {
      text = String.valueOf(argument);
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    while (matcher.find()) {
      String id = matcher.group(1).split("\\.", 2)[0];
      if (!locals.contains(id)) {
        ids.add(id);
      }
    }
  }
}

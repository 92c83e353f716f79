package dev.finpilot.testkit.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names a template value refers to through Ref, GetAtt or Sub: what it depends on. */
public final class References {

  /** A {@code ${Name}} or {@code ${Resource.Attribute}} placeholder of Fn::Sub. */
  static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private References() {}

  /**
   * Every logical id, parameter or pseudo parameter referenced anywhere below {@code value}. A Sub
   * variable defined in the Sub's own map and a {@code ${!Literal}} escape name nothing outside.
   */
  public static Set<String> of(Object value) {
    Set<String> names = new LinkedHashSet<>();
    collectReferences(value, names);
    return names;
  }

  /** The logical id a value points at when it is a Ref or a GetAtt; empty for anything else. */
  public static Optional<String> target(Object value) {
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      if (map.get("Ref") instanceof String name) {
        return Optional.of(name);
      }
      Object argument = map.get("Fn::GetAtt");
      if (argument instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String id) {
        return Optional.of(id);
      }
      if (argument instanceof String dotted) {
        return Optional.of(dotted.split("\\.", 2)[0]);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code value} is {@code {"Ref": id}}. */
  public static boolean isRef(Object value, String id) {
    return value instanceof Map<?, ?> map && map.size() == 1 && id.equals(map.get("Ref"));
  }

  /** Whether {@code value} is {@code {"Fn::GetAtt": [id, attribute]}}. */
  public static boolean isGetAtt(Object value, String id, String attribute) {
    return value instanceof Map<?, ?> map
        && map.size() == 1
        && List.of(id, attribute).equals(map.get("Fn::GetAtt"));
  }

  private static void collectReferences(Object value, Set<String> names) {
    if (value instanceof Map<?, ?> map) {
      Optional<String> target = target(value);
      if (target.isPresent()) {
        names.add(target.get());
      } else if (map.size() == 1 && map.containsKey("Fn::Sub")) {
        collectSub(map.get("Fn::Sub"), names);
      } else {
        map.values().forEach(v -> collectReferences(v, names));
      }
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collectReferences(v, names));
    }
  }

  private static void collectSub(Object argument, Set<String> names) {
    Object pattern = argument instanceof List<?> list && !list.isEmpty() ? list.get(0) : argument;
    Set<?> locals = Set.of();
    if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(1) instanceof Map<?, ?> m) {
      locals = m.keySet();
      collectReferences(m, names);
    }
    if (pattern instanceof String text) {
      Matcher matcher = SUB_VARIABLE.matcher(text);
      while (matcher.find()) {
        String name = matcher.group(1).split("\\.", 2)[0];
        if (!name.startsWith("!") && !locals.contains(name)) {
          names.add(name);
        }
      }
    }
  }
}

package dev.finpilot.testkit.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names a template value refers to through Ref, GetAtt or Sub: what it depends on. */
final class References {

  /** A {@code ${Name}} or {@code ${Resource.Attribute}} placeholder of Fn::Sub. */
  static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private References() {}

  static Set<String> of(Object value) {
    Set<String> names = new LinkedHashSet<>();
    collectReferences(value, names);
    return names;
  }

  private static void collectReferences(Object value, Set<String> names) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.containsKey("Ref") && map.get("Ref") instanceof String name) {
        names.add(name);
      } else if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
        Object argument = map.get("Fn::GetAtt");
        if (argument instanceof List<?> list
            && !list.isEmpty()
            && list.get(0) instanceof String id) {
          names.add(id);
        } else if (argument instanceof String dotted) {
          names.add(dotted.split("\\.", 2)[0]);
        }
      } else if (map.size() == 1 && map.containsKey("Fn::Sub")) {
        Object argument = map.get("Fn::Sub");
        Object pattern =
            argument instanceof List<?> list && !list.isEmpty() ? list.get(0) : argument;
        if (pattern instanceof String text) {
          Matcher matcher = SUB_VARIABLE.matcher(text);
          while (matcher.find()) {
            names.add(matcher.group(1).split("\\.", 2)[0]);
          }
        }
        if (argument instanceof List<?> list && list.size() == 2) {
          collectReferences(list.get(1), names);
        }
      } else {
        map.values().forEach(v -> collectReferences(v, names));
      }
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collectReferences(v, names));
    }
  }
}

package dev.finpilot.testkit.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the SAM transform merges a {@code Globals} section into a resource (samtranslator's globals
 * plugin): mappings merge key by key, lists concatenate, and otherwise the resource's own value
 * wins. An intrinsic function is a value, not a mapping to merge into.
 */
final class SamGlobals {

  private SamGlobals() {}

  static Object merge(Object global, Object local) {
    if (global instanceof Map<?, ?> g
        && local instanceof Map<?, ?> l
        && !isIntrinsic(g)
        && !isIntrinsic(l)) {
      Map<String, Object> merged = new LinkedHashMap<>(Nodes.map(g));
      Nodes.map(l).forEach((k, v) -> merged.put(k, merge(merged.get(k), v)));
      return merged;
    }
    if (global instanceof List<?> g && local instanceof List<?> l) {
      List<Object> merged = new ArrayList<>(g);
      merged.addAll(l);
      return merged;
    }
    return local;
  }

  private static boolean isIntrinsic(Map<?, ?> node) {
    return node.size() == 1
        && node.keySet().iterator().next() instanceof String key
        && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
  }
}

package dev.finpilot.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON documents as a list of changed leaves, each named by its JSON
 * Pointer (RFC 6901), e.g. {@code /plan/contributions/0/monthlyAmount/amount}. Objects are compared
 * by key, arrays by position; a value present on one side only is compared with {@code null}.
 */
final class JsonDiff {
  /** More changes than this are cut off; the answer says so. */
  static final int MAX_CHANGES = 500;

  private JsonDiff() {}

  record Change(String path, JsonNode before, JsonNode after) {}

  record Result(List<Change> changes, boolean truncated) {}

  static Result between(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    boolean complete = walk("", orNull(before), orNull(after), changes);
    return new Result(List.copyOf(changes), !complete);
  }

  /** Adds the changes below {@code path}; false once {@link #MAX_CHANGES} is reached. */
  private static boolean walk(String path, JsonNode a, JsonNode b, List<Change> out) {
    if (a.equals(b)) {
      return true;
    }
    if (a.isObject() && b.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if (!walk(path + "/" + escape(key), orNull(a.get(key)), orNull(b.get(key)), out)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        if (!walk(path + "/" + i, orNull(a.get(i)), orNull(b.get(i)), out)) {
          return false;
        }
      }
      return true;
    }
    if (out.size() >= MAX_CHANGES) {
      return false;
    }
    out.add(new Change(path.isEmpty() ? "/" : path, a, b));
    return true;
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null ? NullNode.getInstance() : node;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

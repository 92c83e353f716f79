package dev.finpilot.retrieval.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Reading a provider's settings from environment variables, each with a default. */
final class Settings {
  private Settings() {}

  static URI url(Map<String, String> env, String name, String fallback) {
    String value = value(env, name, fallback);
    return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }

  static Duration millis(Map<String, String> env, String name, long fallback) {
    return Duration.ofMillis(positive(env, name, fallback));
  }

  static int count(Map<String, String> env, String name, int fallback) {
    return Math.toIntExact(positive(env, name, fallback));
  }

  private static long positive(Map<String, String> env, String name, long fallback) {
    String value = value(env, name, Long.toString(fallback));
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the variable's name
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, was " + value);
  }

  private static String value(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}

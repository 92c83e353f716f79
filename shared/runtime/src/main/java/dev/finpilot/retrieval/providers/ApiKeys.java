package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.JsonMapping;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The Alpha Vantage keys FinPilot may use, in the order they are rotated through. Never printed:
 * {@link #toString()} lists fingerprints.
 */
public final class ApiKeys implements ApiKeySource {

  /** The local runtime's comma-separated keys, standing in for the secret. */
  public static final String VARIABLE = "ALPHA_VANTAGE_API_KEYS";

  private final List<ApiKey> keys;

  public ApiKeys(List<ApiKey> keys) {
    this.keys = List.copyOf(new LinkedHashSet<>(keys));
  }

  /**
   * Reads the secret: {@code {"apiKeys": ["k1", "k2"]}}, where a key with its own allowance is
   * written {@code {"apiKey": "k3", "dailyLimit": 75}}, or the first release's {@code {"apiKey":
   * "k1"}}. Messages never quote the secret, which holds the keys.
   *
   * @throws IllegalArgumentException when the secret is in neither form
   */
  public static ApiKeys parse(String secret) {
    JsonNode root;
    try {
      root = JsonMapping.readTree(secret);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the API key secret is not JSON");
    }
    if (root != null && root.path("apiKeys").isArray()) {
      List<ApiKey> keys = new ArrayList<>();
      root.get("apiKeys").forEach(entry -> keys.add(key(entry)));
      return new ApiKeys(keys);
    }
    if (root != null && root.path("apiKey").isTextual()) {
      return new ApiKeys(List.of(key(root)));
    }
    throw new IllegalArgumentException(
        "the API key secret has neither \"apiKeys\" (a list) nor \"apiKey\"");
  }

  /** The keys in {@link #VARIABLE}; none when it is unset. */
  public static ApiKeys fromEnvironment(Map<String, String> env) {
    String list = env.getOrDefault(VARIABLE, "");
    return new ApiKeys(
        Arrays.stream(list.split(",", -1))
            .filter(item -> !item.isBlank())
            .map(ApiKey::of)
            .toList());
  }

  public List<ApiKey> all() {
    return keys;
  }

  @Override
  public ApiKeys current() {
    return this;
  }

  @Override
  public String toString() {
    return keys.stream()
        .map(ApiKey::fingerprint)
        .collect(Collectors.joining(", ", "ApiKeys[", "]"));
  }

  private static ApiKey key(JsonNode entry) {
    if (entry.isTextual()) {
      return ApiKey.of(entry.asText());
    }
    if (entry.path("apiKey").isTextual()) {
      JsonNode limit = entry.path("dailyLimit");
      if (!limit.isMissingNode() && !limit.canConvertToExactIntegral()) {
        throw new IllegalArgumentException("a key's \"dailyLimit\" must be a whole number");
      }
      return new ApiKey(
          entry.get("apiKey").asText(),
          limit.isMissingNode() ? OptionalInt.empty() : OptionalInt.of(limit.intValue()));
    }
    throw new IllegalArgumentException(
        "each of \"apiKeys\" must be a key or an object with \"apiKey\"");
  }
}

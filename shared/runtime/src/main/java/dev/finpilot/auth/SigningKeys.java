package dev.finpilot.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys in force: {@code current} signs new tokens; it and every {@code previous} key verify
 * tokens. Rotation puts a new current key in the secret and moves the old one to {@code previous}
 * for at least one access-token lifetime, so tokens signed just before the switch stay valid.
 *
 * <p>The secret's JSON form: {@code {"kid": "k2", "signingKey": "...", "previous": [{"kid": "k1",
 * "signingKey": "..."}]}} ({@code previous} optional).
 */
public final class SigningKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SigningKey current;
  private final Map<String, SigningKey> byKid;

  public SigningKeys(SigningKey current, List<SigningKey> previous) {
    this.current = Objects.requireNonNull(current, "current");
    Map<String, SigningKey> keys = new LinkedHashMap<>();
    keys.put(current.kid(), current);
    for (SigningKey key : previous) {
      if (keys.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("two signing keys share the kid " + key.kid());
      }
    }
    this.byKid = Map.copyOf(keys);
  }

  /**
   * Reads the secret's JSON form.
   *
   * @throws IllegalArgumentException naming what is missing; never quoting a key
   */
  public static SigningKeys parse(String secretJson) {
    JsonNode root;
    try {
      root = JSON.readTree(Objects.requireNonNull(secretJson, "secretJson"));
    } catch (IOException e) {
      throw new IllegalArgumentException("the signing-key secret is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the signing-key secret must be a JSON object");
    }
    List<SigningKey> previous = new ArrayList<>();
    JsonNode older = root.path("previous");
    if (!older.isMissingNode() && !older.isArray()) {
      throw new IllegalArgumentException("previous: must be an array of keys");
    }
    for (int i = 0; i < older.size(); i++) {
      previous.add(key(older.get(i), "previous[" + i + "]."));
    }
    return new SigningKeys(key(root, ""), previous);
  }

  private static SigningKey key(JsonNode node, String where) {
    String kid = text(node, "kid", where);
    String secret = text(node, "signingKey", where);
    return SigningKey.of(kid, secret);
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(where + field + ": required text");
    }
    return value.asText();
  }

  public SigningKey current() {
    return current;
  }

  public Optional<SigningKey> forKid(String kid) {
    return Optional.ofNullable(kid).map(byKid::get);
  }
}

package dev.finpilot.retrieval.providers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One provider API key. Only {@link #value()} reveals it, for the request itself; everything that
 * is logged, stored or shown names it by {@link #fingerprint()}.
 */
public final class ApiKey {
  private static final int FINGERPRINT_LENGTH = 8;

  private final String value;
  private final String fingerprint;
  private final OptionalInt dailyLimit;

  /**
   * @param dailyLimit the key's own allowance per day, when its plan differs from the default
   */
  public ApiKey(String value, OptionalInt dailyLimit) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an API key must not be blank");
    }
    if (dailyLimit.isPresent() && dailyLimit.getAsInt() <= 0) {
      throw new IllegalArgumentException("a key's daily limit must be positive");
    }
    this.value = value.strip();
    this.fingerprint = fingerprint(this.value);
    this.dailyLimit = dailyLimit;
  }

  public static ApiKey of(String value) {
    return new ApiKey(value, OptionalInt.empty());
  }

  public String value() {
    return value;
  }

  /** The first hex digits of the key's SHA-256: names the key without revealing it. */
  public String fingerprint() {
    return fingerprint;
  }

  public OptionalInt dailyLimit() {
    return dailyLimit;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key && key.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return "ApiKey[" + fingerprint + "]";
  }

  private static String fingerprint(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}

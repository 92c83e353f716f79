package dev.finpilot.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HMAC key that signs access tokens, named by its key id ({@code kid}) so that a token says
 * which key to check it with while keys are being rotated.
 */
public final class SigningKey {

  /** HS256 needs a key at least as long as its output (RFC 7518, section 3.2). */
  public static final int MIN_BYTES = 32;

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String kid;
  private final byte[] secret;

  public SigningKey(String kid, byte[] secret) {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(secret, "secret");
    if (!KID.matcher(kid).matches()) {
      throw new IllegalArgumentException("kid: 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (secret.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "signing key " + kid + ": at least " + MIN_BYTES + " bytes, was " + secret.length);
    }
    this.kid = kid;
    this.secret = secret.clone();
  }

  /** A key given as text, such as the generated password Secrets Manager stores. */
  public static SigningKey of(String kid, String secret) {
    return new SigningKey(
        kid, Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8));
  }

  public String kid() {
    return kid;
  }

  byte[] secret() {
    return secret.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey other
        && kid.equals(other.kid)
        && java.security.MessageDigest.isEqual(secret, other.secret);
  }

  @Override
  public int hashCode() {
    return kid.hashCode() * 31 + Arrays.hashCode(secret);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "SigningKey[kid=" + kid + "]";
  }
}

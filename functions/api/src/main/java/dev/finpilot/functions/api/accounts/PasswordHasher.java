package dev.finpilot.functions.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with PBKDF2-HMAC-SHA256 (JDK only), a random 16-byte salt per password and a
 * 32-byte derived key, compared in constant time. OWASP's Password Storage Cheat Sheet asks for
 * 600,000 iterations of PBKDF2-HMAC-SHA256; {@link #OWASP_ITERATIONS} is the production setting.
 *
 * <p>The stored form names the algorithm and iteration count ({@code
 * pbkdf2-sha256$600000$<salt>$<hash>}, base64), so hashes made with fewer iterations still verify
 * and {@link #needsRehash} tells when to upgrade one at the next successful login.
 */
public final class PasswordHasher {
  public static final int OWASP_ITERATIONS = 600_000;

  /** Only tests go below OWASP's count, never below this. */
  public static final int MIN_ITERATIONS_FOR_TESTS = 1_000;

  static final String ALGORITHM = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int KEY_BITS = 256;

  private final int iterations;
  private final SecureRandom random;

  /** The production hasher: OWASP's iteration count. */
  public PasswordHasher() {
    this(OWASP_ITERATIONS, new SecureRandom());
  }

  public PasswordHasher(int iterations, SecureRandom random) {
    if (iterations < MIN_ITERATIONS_FOR_TESTS) {
      throw new IllegalArgumentException("iterations: at least " + MIN_ITERATIONS_FOR_TESTS);
    }
    this.iterations = iterations;
    this.random = Objects.requireNonNull(random, "random");
  }

  public int iterations() {
    return iterations;
  }

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] derived = derive(password, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derived);
  }

  /** Whether the password matches; a stored value of an unknown form never matches. */
  public boolean verify(String password, String stored) {
    Parsed parsed = parse(stored);
    if (parsed == null) {
      return false;
    }
    return MessageDigest.isEqual(derive(password, parsed.salt, parsed.iterations), parsed.hash);
  }

  /** True for a hash made with fewer iterations than this hasher uses. */
  public boolean needsRehash(String stored) {
    Parsed parsed = parse(stored);
    return parsed == null || parsed.iterations < iterations;
  }

  private static Parsed parse(String stored) {
    if (stored == null) {
      return null;
    }
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      return null;
    }
    try {
      int count = Integer.parseInt(parts[1]);
      if (count < MIN_ITERATIONS_FOR_TESTS || count > 10 * OWASP_ITERATIONS) {
        return null;
      }
      Base64.Decoder b64 = Base64.getDecoder();
      return new Parsed(count, b64.decode(parts[2]), b64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
      java.util.Arrays.fill(chars, '\0');
    }
  }

  /** A fixed hash to check unknown accounts against, so they take as long as known ones. */
  String decoy() {
    byte[] salt = "finpilot-decoy!!".getBytes(StandardCharsets.US_ASCII);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(new byte[KEY_BITS / 8]);
  }

  private static final class Parsed {
    final int iterations;
    final byte[] salt;
    final byte[] hash;

    Parsed(int iterations, byte[] salt, byte[] hash) {
      this.iterations = iterations;
      this.salt = salt;
      this.hash = hash;
    }
  }
}

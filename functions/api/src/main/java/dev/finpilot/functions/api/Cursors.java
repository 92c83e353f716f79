package dev.finpilot.functions.api;

import io.micronaut.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Page cursors bound to the user they were issued to: the storage cursor prefixed with a digest of
 * the user id, so a cursor copied from another user's listing (or made up) is refused with 400
 * before it reaches the database.
 */
final class Cursors {
  static final String FIELD = "cursor";
  private static final int TAG_BYTES = 8;

  private Cursors() {}

  static String seal(String userId, String inner) {
    byte[] innerBytes = inner.getBytes(StandardCharsets.UTF_8);
    byte[] sealed = new byte[TAG_BYTES + innerBytes.length];
    System.arraycopy(tag(userId), 0, sealed, 0, TAG_BYTES);
    System.arraycopy(innerBytes, 0, sealed, TAG_BYTES, innerBytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  static String open(String userId, String cursor) {
    byte[] sealed;
    try {
      sealed = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (sealed.length <= TAG_BYTES
        || !MessageDigest.isEqual(Arrays.copyOf(sealed, TAG_BYTES), tag(userId))) {
      throw invalid();
    }
    return new String(sealed, TAG_BYTES, sealed.length - TAG_BYTES, StandardCharsets.UTF_8);
  }

  /** The storage cursor sent in {@code ?cursor=}, opened for the caller; null for a first page. */
  static String fromRequest(HttpRequest<?> request, String userId) {
    return QueryParameters.text(request, FIELD).map(c -> open(userId, c)).orElse(null);
  }

  /** The storage cursor of the next page, sealed for the caller; null after the last page. */
  static String next(String userId, String inner) {
    return inner == null ? null : seal(userId, inner);
  }

  static ProblemException invalid() {
    return ProblemException.invalidField(
        ProblemType.INVALID_REQUEST, FIELD, "is not a cursor this API gave you; start without one");
  }

  private static byte[] tag(String userId) {
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256")
              .digest(("finpilot-cursor:" + userId).getBytes(StandardCharsets.UTF_8)),
          TAG_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

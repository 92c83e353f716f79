package dev.finpilot.planning;

import dev.finpilot.domain.PlanningRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Derives the projection seed from the request itself, so the same request always sees the same
 * simulated markets, in any JVM. Every strategy of one request shares the seed (common random
 * numbers): their scores then differ by their choices, not by luck of the draw.
 */
final class Seeds {

  private Seeds() {}

  /** The first eight bytes of the SHA-256 of the request's canonical text. */
  static long of(PlanningRequest request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(request.toString().getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}

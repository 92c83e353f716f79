package dev.finpilot.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions, stored by user and session id, and whether their user's account exists. */
public interface SessionStore {

  /** Stores a new session. */
  void start(Session session);

  /**
   * Moves the end of a session that is still active at {@code now} to {@code until}.
   *
   * @return false if there is no such session, or it was revoked or has run out
   */
  boolean extend(String userId, String sessionId, Instant now, Instant until);

  /**
   * Marks one session revoked (the record stays until its end, so a late refresh is refused).
   *
   * @return false if the user has no such session
   */
  boolean revoke(String userId, String sessionId, Instant at);

  /**
   * Revokes every session of the user that is not revoked yet.
   *
   * @return the ids of the sessions this call revoked
   */
  List<String> revokeAll(String userId, Instant at);

  /** The session, and whether the account it belongs to exists, read together. */
  Standing standing(String userId, String sessionId);

  /** What the store holds for one token's {@code sub} and {@code sid}. */
  record Standing(boolean accountExists, Optional<Session> session) {}
}

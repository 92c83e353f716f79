package dev.finpilot.auth;

/**
 * The open WebSocket connections of a user, which are closed when the sessions they were opened in
 * end: a connection is authenticated once, at {@code $connect}, so without this it would go on
 * receiving plan updates after logout, a password change or the account's erasure.
 */
public interface LiveConnections {

  /**
   * Closes every open connection of the user and forgets it.
   *
   * @return how many were closed
   */
  int closeAll(String userId);

  /**
   * Closes the user's connections opened with an access token of the session, and those whose
   * session is not known (recorded before connections named theirs): ending a session must not
   * leave one of its connections open.
   *
   * @return how many were closed
   */
  int closeSession(String userId, String sessionId);
}

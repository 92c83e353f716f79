package dev.finpilot.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sessions in memory, for unit tests. Accounts exist once {@link #addAccount added}; {@link
 * #standingReads} counts the reads the DynamoDB store would make.
 */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Set<String> accounts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger standingReads = new AtomicInteger();

  public void addAccount(String userId) {
    accounts.add(userId);
  }

  public void removeAccount(String userId) {
    accounts.remove(userId);
  }

  public int standingReads() {
    return standingReads.get();
  }

  public Optional<Session> find(String userId, String sessionId) {
    return Optional.ofNullable(sessions.get(key(userId, sessionId)));
  }

  public void clear() {
    sessions.clear();
    accounts.clear();
    standingReads.set(0);
  }

  @Override
  public void start(Session session) {
    if (sessions.putIfAbsent(key(session.userId(), session.sessionId()), session) != null) {
      throw new IllegalStateException("session id collision");
    }
  }

  @Override
  public boolean extend(String userId, String sessionId, Instant now, Instant until) {
    Session updated =
        sessions.computeIfPresent(
            key(userId, sessionId),
            (k, s) ->
                s.activeAt(now)
                    ? new Session(s.sessionId(), s.userId(), s.startedAt(), until, null)
                    : s);
    return updated != null && updated.expiresAt().equals(until) && updated.activeAt(now);
  }

  @Override
  public boolean revoke(String userId, String sessionId, Instant at) {
    return sessions.computeIfPresent(key(userId, sessionId), (k, s) -> revoked(s, at)) != null;
  }

  @Override
  public List<String> revokeAll(String userId, Instant at) {
    List<String> ended = new ArrayList<>();
    sessions.replaceAll(
        (k, s) -> {
          if (!s.userId().equals(userId) || s.revokedAt() != null) {
            return s;
          }
          ended.add(s.sessionId());
          return revoked(s, at);
        });
    return ended;
  }

  @Override
  public Standing standing(String userId, String sessionId) {
    standingReads.incrementAndGet();
    return new Standing(accounts.contains(userId), find(userId, sessionId));
  }

  private static Session revoked(Session s, Instant at) {
    return new Session(
        s.sessionId(),
        s.userId(),
        s.startedAt(),
        s.expiresAt(),
        s.revokedAt() == null ? at : s.revokedAt());
  }

  private static String key(String userId, String sessionId) {
    return userId + "\u0000" + sessionId;
  }
}

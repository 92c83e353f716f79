package dev.finpilot.functions.api.accounts;

import dev.finpilot.auth.AccessToken;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.AuditLog.Event;
import dev.finpilot.auth.LiveConnections;
import dev.finpilot.auth.Session;
import dev.finpilot.auth.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registration, login, token refresh and logout. Registration and login start a {@link Session};
 * every successful step ends in {@link Credentials}: a short-lived access token naming the session
 * and a rotating refresh token of it. A refresh continues the same session (its refresh-token
 * family has the session's id) and moves the session's end on with the new refresh token's, so the
 * session id a client holds never changes while it stays signed in, and ending the session ends
 * both kinds of token.
 *
 * <p>A wrong password and an unknown address fail the same way and take the same time (an unknown
 * address is checked against a decoy hash), so login does not reveal who has an account. Every
 * security-relevant step is written to the {@link AuditLog}.
 */
public final class Accounts {
  private final UserStore users;
  private final PasswordHasher passwords;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final SessionStore sessions;
  private final LoginThrottle throttle;
  private final LiveConnections connections;
  private final AuditLog audit;
  private final Clock clock;

  public Accounts(
      UserStore users,
      PasswordHasher passwords,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      SessionStore sessions,
      LoginThrottle throttle,
      LiveConnections connections,
      AuditLog audit,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a client holds after logging in. */
  public record Credentials(
      User user, AccessToken accessToken, RefreshTokens.Issued refreshToken) {}

  /** Where a request came from, for the throttle and the audit log. */
  public record Source(String ip, String correlationId) {
    public Source {
      Objects.requireNonNull(ip, "ip");
      Objects.requireNonNull(correlationId, "correlationId");
    }
  }

  /** Why an account step was refused; the API turns each into a problem response. */
  public static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Kind {
      EMAIL_TAKEN,
      INVALID_CREDENTIALS,
      INVALID_REFRESH_TOKEN,
      /** The current password given with a password change is not the account's. */
      WRONG_PASSWORD,
      THROTTLED
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    Refusal(Kind kind, String detail, Duration retryAfter) {
      super(detail, null, false, false);
      this.kind = kind;
      this.retryAfter = retryAfter;
    }

    public Kind kind() {
      return kind;
    }

    /** How long to wait; zero unless throttled. */
    public Duration retryAfter() {
      return retryAfter == null ? Duration.ZERO : retryAfter;
    }
  }

  /** Lower case and trimmed: one address, one account, however it is typed. */
  public static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public Credentials register(String email, String password, String displayName, Source source) {
    String address = normalizeEmail(email);
    throttled(throttle.attempt(null, source.ip()), source);
    User user =
        new User(
            UUID.randomUUID().toString(),
            address,
            displayName.strip(),
            passwords.hash(password),
            clock.instant());
    if (!users.create(user)) {
      throw new Refusal(
          Refusal.Kind.EMAIL_TAKEN, "an account with this e-mail address exists; log in", null);
    }
    Credentials signedIn = start(user);
    record(Event.REGISTERED, user.userId(), source, signedIn);
    return signedIn;
  }

  public Credentials login(String email, String password, Source source) {
    String address = normalizeEmail(email);
    throttled(throttle.attempt(address, source.ip()), source);
    Optional<User> user = users.findByEmail(address);
    String stored = user.map(User::passwordHash).orElseGet(passwords::decoy);
    boolean matches = passwords.verify(password, stored);
    if (user.isEmpty() || !matches) {
      throttle.failed(address, source.ip());
      audit.record(
          Event.LOGIN_FAILED,
          user.map(User::userId).orElse(null),
          source.correlationId(),
          Map.of(
              "reason",
              user.isEmpty() ? "unknown e-mail address" : "wrong password",
              "sourceIp",
              source.ip()));
      throw new Refusal(
          Refusal.Kind.INVALID_CREDENTIALS, "the e-mail address or the password is wrong", null);
    }
    User found = user.get();
    if (passwords.needsRehash(found.passwordHash())) {
      String upgraded = passwords.hash(password);
      users.updatePasswordHash(found.userId(), upgraded);
      found = found.withPasswordHash(upgraded);
    }
    throttle.succeeded(address, source.ip());
    Credentials signedIn = start(found);
    record(Event.LOGIN_SUCCEEDED, found.userId(), source, signedIn);
    return signedIn;
  }

  /** The next tokens of the same session, which now ends with the new refresh token. */
  public Credentials refresh(String refreshToken, Source source) {
    RefreshTokens.Rotation outcome = refreshTokens.rotate(refreshToken);
    if (outcome instanceof RefreshTokens.Rotation.Rotated rotated) {
      RefreshTokens.Issued next = rotated.next();
      Optional<User> user = users.find(next.userId());
      if (user.isEmpty()
          || !sessions.extend(next.userId(), next.sessionId(), clock.instant(), next.expiresAt())) {
        // An account that is gone, or a session ended (or from before sessions existed).
        refreshTokens.revoke(next.token(), next.userId());
        throw refusedRefresh(next.userId(), "the session has ended", source);
      }
      return new Credentials(user.get(), accessTokens.issue(next.userId(), next.sessionId()), next);
    }
    if (outcome instanceof RefreshTokens.Rotation.Reused reused) {
      // A copied refresh token: its session's access tokens may be in the same hands.
      end(reused.userId(), List.of(reused.sessionId()), Event.SESSION_REVOKED, source);
      throw refusedRefresh(
          reused.userId(),
          "this refresh token was used before; every session of this login is now ended",
          source);
    }
    throw refusedRefresh(null, ((RefreshTokens.Rotation.Refused) outcome).reason(), source);
  }

  /**
   * Ends the caller's session and the session of the refresh token, when it is the caller's;
   * idempotent.
   *
   * @param sessionId the session of the access token used, or {@code null} if not known
   */
  public void logout(String userId, String sessionId, String refreshToken, Source source) {
    Set<String> ended = new LinkedHashSet<>();
    if (sessionId != null) {
      ended.add(sessionId);
    }
    refreshTokens.revoke(refreshToken, userId).ifPresent(ended::add);
    end(userId, List.copyOf(ended), Event.LOGGED_OUT, source);
  }

  /**
   * Replaces the password after checking the current one, which counts against the same limits as a
   * login (so a stolen access token cannot be used to guess the password), then ends every session
   * of the user, the caller's included: each access token is refused within {@link
   * dev.finpilot.auth.Authenticator#MAX_CACHE_AGE}, each refresh token at once, and each open
   * WebSocket connection is closed. The client signs in again with the new password.
   *
   * @param newPassword already checked against the password rules
   * @return how many sessions it ended
   */
  public int changePassword(
      String userId, String currentPassword, String newPassword, Source source) {
    User user =
        users
            .find(userId)
            .orElseThrow(
                () ->
                    new Refusal(
                        Refusal.Kind.INVALID_CREDENTIALS,
                        "the account of this access token does not exist",
                        null));
    throttled(throttle.attempt(user.email(), source.ip()), source);
    if (!passwords.verify(currentPassword, user.passwordHash())) {
      throttle.failed(user.email(), source.ip());
      audit.record(
          Event.LOGIN_FAILED,
          userId,
          source.correlationId(),
          Map.of("reason", "wrong current password in a password change", "sourceIp", source.ip()));
      throw new Refusal(Refusal.Kind.WRONG_PASSWORD, "is not the password of this account", null);
    }
    users.updatePasswordHash(userId, passwords.hash(newPassword));
    List<String> ended = sessions.revokeAll(userId, clock.instant());
    ended.forEach(sessionId -> refreshTokens.revokeFamily(sessionId, userId));
    int closed = connections.closeAll(userId);
    audit.record(
        Event.PASSWORD_CHANGED,
        userId,
        source.correlationId(),
        Map.of(
            "sessionsEnded",
            Integer.toString(ended.size()),
            "connectionsClosed",
            Integer.toString(closed),
            "sourceIp",
            source.ip()));
    return ended.size();
  }

  public Optional<User> find(String userId) {
    return users.find(userId);
  }

  private Credentials start(User user) {
    Instant now = clock.instant();
    String sessionId = UUID.randomUUID().toString();
    RefreshTokens.Issued refresh = refreshTokens.start(user.userId(), sessionId);
    sessions.start(new Session(sessionId, user.userId(), now, refresh.expiresAt(), null));
    return new Credentials(user, accessTokens.issue(user.userId(), sessionId), refresh);
  }

  private void end(String userId, List<String> sessionIds, Event event, Source source) {
    Instant now = clock.instant();
    for (String sessionId : sessionIds) {
      boolean found = sessions.revoke(userId, sessionId, now);
      connections.closeSession(userId, sessionId);
      audit.record(
          event,
          userId,
          source.correlationId(),
          Map.of("sessionId", sessionId, "found", Boolean.toString(found)));
    }
  }

  private void record(Event event, String userId, Source source, Credentials signedIn) {
    audit.record(
        event,
        userId,
        source.correlationId(),
        Map.of("sessionId", signedIn.accessToken().sessionId(), "sourceIp", source.ip()));
  }

  private void throttled(Optional<Duration> wait, Source source) {
    if (wait.isPresent()) {
      audit.record(
          Event.LOGIN_THROTTLED,
          null,
          source.correlationId(),
          Map.of(
              "sourceIp", source.ip(), "retryAfterSeconds", Long.toString(wait.get().toSeconds())));
      throw new Refusal(
          Refusal.Kind.THROTTLED, "too many attempts; wait before trying again", wait.get());
    }
  }

  private Refusal refusedRefresh(String userId, String detail, Source source) {
    audit.record(Event.REFRESH_REFUSED, userId, source.correlationId(), Map.of("reason", detail));
    return new Refusal(Refusal.Kind.INVALID_REFRESH_TOKEN, detail + "; log in again", null);
  }
}

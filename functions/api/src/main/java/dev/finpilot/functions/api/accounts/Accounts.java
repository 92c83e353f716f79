package dev.finpilot.functions.api.accounts;

import dev.finpilot.auth.AccessToken;
import dev.finpilot.auth.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Registration, login, token refresh and logout. Every successful step ends in a {@link Session}: a
 * short-lived access token and a rotating refresh token.
 *
 * <p>A wrong password and an unknown address fail the same way and take the same time (an unknown
 * address is checked against a decoy hash), so login does not reveal who has an account.
 */
public final class Accounts {
  private final UserStore users;
  private final PasswordHasher passwords;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final LoginThrottle throttle;
  private final Clock clock;

  public Accounts(
      UserStore users,
      PasswordHasher passwords,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      LoginThrottle throttle,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What a client holds after logging in. */
  public record Session(User user, AccessToken accessToken, RefreshTokens.Issued refreshToken) {}

  /** Why an account step was refused; the API turns each into a problem response. */
  public static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of refusal. */
    public enum Kind {
      EMAIL_TAKEN,
      INVALID_CREDENTIALS,
      INVALID_REFRESH_TOKEN,
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

  public Session register(String email, String password, String displayName, String sourceIp) {
    String address = normalizeEmail(email);
    throttled(throttle.attempt(null, sourceIp));
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
    return session(user);
  }

  public Session login(String email, String password, String sourceIp) {
    String address = normalizeEmail(email);
    throttled(throttle.attempt(address, sourceIp));
    Optional<User> user = users.findByEmail(address);
    String stored = user.map(User::passwordHash).orElseGet(passwords::decoy);
    boolean matches = passwords.verify(password, stored);
    if (user.isEmpty() || !matches) {
      throttle.failed(address);
      throw new Refusal(
          Refusal.Kind.INVALID_CREDENTIALS, "the e-mail address or the password is wrong", null);
    }
    User found = user.get();
    if (passwords.needsRehash(found.passwordHash())) {
      String upgraded = passwords.hash(password);
      users.updatePasswordHash(found.userId(), upgraded);
      found = found.withPasswordHash(upgraded);
    }
    return session(found);
  }

  public Session refresh(String refreshToken) {
    RefreshTokens.Rotation outcome = refreshTokens.rotate(refreshToken);
    if (outcome instanceof RefreshTokens.Rotation.Rotated rotated) {
      User user =
          users
              .find(rotated.next().userId())
              .orElseThrow(() -> invalidRefresh("the account no longer exists"));
      return new Session(user, accessTokens.issue(user.userId()), rotated.next());
    }
    if (outcome instanceof RefreshTokens.Rotation.Reused) {
      throw invalidRefresh(
          "this refresh token was used before; every session of this login is now ended");
    }
    throw invalidRefresh(((RefreshTokens.Rotation.Refused) outcome).reason());
  }

  /** Ends the login the refresh token belongs to; idempotent. */
  public void logout(String userId, String refreshToken) {
    refreshTokens.revoke(refreshToken, userId);
  }

  public Optional<User> find(String userId) {
    return users.find(userId);
  }

  private Session session(User user) {
    return new Session(user, accessTokens.issue(user.userId()), refreshTokens.start(user.userId()));
  }

  private static void throttled(Optional<Duration> wait) {
    if (wait.isPresent()) {
      throw new Refusal(
          Refusal.Kind.THROTTLED, "too many attempts; wait before trying again", wait.get());
    }
  }

  private static Refusal invalidRefresh(String detail) {
    return new Refusal(Refusal.Kind.INVALID_REFRESH_TOKEN, detail + "; log in again", null);
  }
}

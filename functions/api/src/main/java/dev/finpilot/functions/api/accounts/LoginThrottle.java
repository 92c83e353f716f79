package dev.finpilot.functions.api.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing in fixed {@link #WINDOW}s without letting a guesser lock the owner
 * out. Three limits:
 *
 * <ul>
 *   <li>{@link #ATTEMPTS_PER_SOURCE} login or registration attempts per source address (against
 *       trying one password on many accounts, and mass registration);
 *   <li>{@link #FAILURES_PER_ACCOUNT_AND_SOURCE} failed logins per account from one source address:
 *       a guesser at one address is stopped, and nobody else is;
 *   <li>{@link #FAILURES_PER_ACCOUNT} failed logins per account from all addresses together
 *       (against a guesser with many addresses), which refuses only addresses the account has never
 *       signed in from. An address the owner signed in from in the last {@link #KNOWN_FOR} stays
 *       open, so the most a guesser can do to the owner is to make a new address wait for the
 *       window's end.
 * </ul>
 *
 * A plain lock-out per account (the earlier rule) let anyone who knew an address lock its owner out
 * by failing five times; per-address limits with a known-address exemption keep the guessing budget
 * small without giving that power away. E-mail and source addresses are hashed in the counter keys
 * of known addresses and per-account counters, so the rate-limit table holds no personal data
 * beyond the per-source counters' addresses, which expire with their window; every per-account key
 * contains the SHA-256 of the account's address, by which the account's erasure finds them.
 */
public final class LoginThrottle {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final int ATTEMPTS_PER_SOURCE = 30;
  public static final int FAILURES_PER_ACCOUNT_AND_SOURCE = 5;
  public static final int FAILURES_PER_ACCOUNT = 20;
  public static final Duration KNOWN_FOR = Duration.ofDays(90);

  private final AttemptCounters counters;
  private final Clock clock;

  public LoginThrottle(AttemptCounters counters, Clock clock) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts an attempt from {@code sourceIp} and checks the limits that apply to it.
   *
   * @param email the normalised address being logged in to; {@code null} for a registration
   * @return how long to wait, when a limit is reached
   */
  public Optional<Duration> attempt(String email, String sourceIp) {
    Window w = window();
    if (counters.increment(sourceKey(sourceIp, w), w.expiry()) > ATTEMPTS_PER_SOURCE) {
      return Optional.of(w.remaining());
    }
    if (email == null) {
      return Optional.empty();
    }
    long failuresFromSource =
        counters.count(accountSourceKey(email, sourceIp, w))
            + counters.count(legacyAccountSourceKey(email, sourceIp, w));
    if (failuresFromSource >= FAILURES_PER_ACCOUNT_AND_SOURCE) {
      return Optional.of(w.remaining());
    }
    if (counters.count(accountKey(email, w)) >= FAILURES_PER_ACCOUNT
        && counters.count(knownKey(email, sourceIp)) == 0
        && counters.count(legacyKnownKey(email, sourceIp)) == 0) {
      return Optional.of(w.remaining());
    }
    return Optional.empty();
  }

  /** Counts a wrong password (or unknown account) against the account, from this address. */
  public void failed(String email, String sourceIp) {
    Window w = window();
    counters.increment(accountSourceKey(email, sourceIp, w), w.expiry());
    counters.increment(accountKey(email, w), w.expiry());
  }

  /** Remembers the address as one the owner signs in from, for {@link #KNOWN_FOR}. */
  public void succeeded(String email, String sourceIp) {
    counters.increment(knownKey(email, sourceIp), clock.instant().plus(KNOWN_FOR));
  }

  private Window window() {
    Instant now = clock.instant();
    long size = WINDOW.toMillis();
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() / size * size);
    return new Window(start, Duration.between(now, start.plus(WINDOW)));
  }

  private static String sourceKey(String sourceIp, Window w) {
    return "LOGIN#SOURCE#" + sourceIp + "#" + w.start().getEpochSecond();
  }

  private static String accountKey(String email, Window w) {
    return "LOGIN#ACCOUNT#" + sha256(email) + "#" + w.start().getEpochSecond();
  }

  private static String accountSourceKey(String email, String sourceIp, Window w) {
    return "LOGIN#ACCOUNT-SOURCE#"
        + sha256(email)
        + "#"
        + sha256(sourceIp)
        + "#"
        + w.start().getEpochSecond();
  }

  private static String knownKey(String email, String sourceIp) {
    return "LOGIN#KNOWN#" + sha256(email) + "#" + sha256(sourceIp);
  }

  /**
   * The keys of counters written before every key named its account's hash (which lets an erasure
   * find them); still read until they expire.
   */
  private static String legacyAccountSourceKey(String email, String sourceIp, Window w) {
    return "LOGIN#ACCOUNT-SOURCE#"
        + sha256(email + "\n" + sourceIp)
        + "#"
        + w.start().getEpochSecond();
  }

  private static String legacyKnownKey(String email, String sourceIp) {
    return "LOGIN#KNOWN#" + sha256(email + "\n" + sourceIp);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private record Window(Instant start, Duration remaining) {
    Instant expiry() {
      return start.plus(WINDOW).plus(WINDOW);
    }
  }
}

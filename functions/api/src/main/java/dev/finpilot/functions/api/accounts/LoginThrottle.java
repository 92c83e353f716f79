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
 * Slows down password guessing in fixed {@link #WINDOW}s: at most {@link #FAILURES_PER_ACCOUNT}
 * failed logins per account (against guessing one user's password from many addresses), and at most
 * {@link #ATTEMPTS_PER_SOURCE} login or registration attempts per source address (against trying
 * one password on many accounts, and mass registration). E-mail addresses are hashed in the counter
 * keys, so the rate-limit table holds no personal data.
 */
public final class LoginThrottle {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final int FAILURES_PER_ACCOUNT = 5;
  public static final int ATTEMPTS_PER_SOURCE = 30;

  private final AttemptCounters counters;
  private final Clock clock;

  public LoginThrottle(AttemptCounters counters, Clock clock) {
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts an attempt from {@code sourceIp} and checks both limits.
   *
   * @return how long to wait, when a limit is reached
   */
  public Optional<Duration> attempt(String email, String sourceIp) {
    Window w = window();
    if (counters.increment(sourceKey(sourceIp, w), w.expiry()) > ATTEMPTS_PER_SOURCE) {
      return Optional.of(w.remaining());
    }
    if (email != null && counters.count(accountKey(email, w)) >= FAILURES_PER_ACCOUNT) {
      return Optional.of(w.remaining());
    }
    return Optional.empty();
  }

  /** Counts a wrong password (or unknown account) against the account. */
  public void failed(String email) {
    Window w = window();
    counters.increment(accountKey(email, w), w.expiry());
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

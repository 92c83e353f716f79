package dev.finpilot.loadtest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one load run does.
 *
 * @param users concurrent virtual users, each submitting one plan
 * @param api the API to load; empty: start the local runtime in a temporary FINPILOT_HOME
 * @param webSocket with {@code api}, its WebSocket API (live updates), on which the users follow
 *     their plans; empty: they poll. The local runtime's is always used.
 * @param lifeEventFraction the share of users (0 to 1) who report a life event once their plan is
 *     ACTIVE and follow its review to the end
 * @param timeout how long the whole run may take; a plan not final by then is stuck
 * @param rampUp the period over which the users start: user i of n starts at i/n of it, so a large
 *     run is not 2,000 password hashes in its first second (zero: all at once)
 * @param seed the seed the households are drawn from: the same seed, the same households
 * @param output where the report (Markdown and JSON) and the runtime's log are written
 */
public record LoadOptions(
    int users,
    Optional<URI> api,
    Optional<URI> webSocket,
    double lifeEventFraction,
    Duration timeout,
    Duration rampUp,
    long seed,
    Path output) {

  static final String USAGE =
      """
      usage: bin/load-test [--users N] [--api URL [--websocket URL]] [--life-events FRACTION]
                           [--timeout DURATION] [--ramp-up DURATION] [--seed N] [--out DIR]
        --users N               concurrent virtual users, one plan each (default 50)
        --api URL               the API to load (default: start the local runtime in a temporary
                                FINPILOT_HOME and stop it afterwards)
        --websocket URL         the API's WebSocket (wss://...), on which the users follow their
                                plans instead of polling (the local runtime's is always used)
        --life-events FRACTION  share of users who report a life event on their ACTIVE plan and
                                follow its review (default 0.2)
        --timeout DURATION      the whole run's limit, e.g. 600s, 20m, PT20M (default 15m)
        --ramp-up DURATION      start the users evenly over this period, shorter than the
                                timeout (default 0s: all at once)
        --seed N                households are drawn from this seed (default 1)
        --out DIR               report directory (default target/load-test)
      Writes DIR/load-test.md and DIR/load-test.json; exits 1 when a plan was lost, duplicated
      or stuck or a user could not submit one, 2 on bad arguments.""";

  public LoadOptions {
    if (users < 1) {
      throw new IllegalArgumentException("--users must be at least 1, was " + users);
    }
    if (webSocket.isPresent() && api.isEmpty()) {
      throw new IllegalArgumentException(
          "--websocket goes with --api: the local runtime's WebSocket is always used");
    }
    if (lifeEventFraction < 0 || lifeEventFraction > 1) {
      throw new IllegalArgumentException(
          "--life-events must be between 0 and 1, was " + lifeEventFraction);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive, was " + timeout);
    }
    if (rampUp.isNegative() || rampUp.compareTo(timeout) >= 0) {
      throw new IllegalArgumentException(
          "--ramp-up must be at least 0 and shorter than --timeout, was " + rampUp);
    }
  }

  /** A run against the local runtime its caller starts: neither --api nor --websocket. */
  static LoadOptions local(
      int users, double lifeEvents, Duration timeout, Duration rampUp, long seed, Path output) {
    return new LoadOptions(
        users, Optional.empty(), Optional.empty(), lifeEvents, timeout, rampUp, seed, output);
  }

  static LoadOptions parse(String... args) {
    int users = 50;
    Optional<URI> api = Optional.empty();
    Optional<URI> webSocket = Optional.empty();
    double lifeEvents = 0.2;
    Duration timeout = Duration.ofMinutes(15);
    Duration rampUp = Duration.ZERO;
    long seed = 1;
    Path output = Path.of("target", "load-test");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--users" -> users = Integer.parseInt(value);
        case "--api" -> api = Optional.of(URI.create(value.replaceAll("/+$", "")));
        case "--websocket" -> webSocket = Optional.of(URI.create(value));
        case "--life-events" -> lifeEvents = Double.parseDouble(value);
        case "--timeout" -> timeout = duration(value);
        case "--ramp-up" -> rampUp = duration(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--out" -> output = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    return new LoadOptions(users, api, webSocket, lifeEvents, timeout, rampUp, seed, output);
  }

  /** ISO-8601 (PT20M) or a number with s, m or h. */
  static Duration duration(String text) {
    if (text.startsWith("P") || text.startsWith("p")) {
      return Duration.parse(text);
    }
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default ->
          throw new IllegalArgumentException("not a duration: " + text + " (e.g. 600s, 20m)");
    };
  }

  /** When user {@code index} starts, after the run's start. */
  Duration startOffset(int index) {
    return rampUp.multipliedBy(index).dividedBy(users);
  }

  /** Whether user {@code index} reports a life event: spread evenly over the users. */
  boolean reportsLifeEvent(int index) {
    return Math.floor((index + 1) * lifeEventFraction) > Math.floor(index * lifeEventFraction);
  }
}

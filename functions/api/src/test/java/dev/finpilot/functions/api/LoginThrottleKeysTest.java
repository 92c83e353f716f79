package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.functions.api.accounts.LoginThrottle;
import dev.finpilot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Every per-account counter key names the SHA-256 of the account's address (so the account's
 * erasure finds them), and counters stored under the earlier keys still count until they expire.
 */
class LoginThrottleKeysTest {
  private static final String OWNER = "ada@example.com";
  private static final String HOME = "198.51.100.7";
  private static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");

  private final InMemoryStores.Limits counters = new InMemoryStores.Limits();
  private final LoginThrottle throttle = new LoginThrottle(counters, new MutableClock(NOW));

  @Test
  void everyCounterOfTheAccountNamesTheHashOfItsAddress() {
    throttle.failed(OWNER, HOME);
    throttle.succeeded(OWNER, HOME);

    assertThat(counters.keys())
        .hasSize(3)
        .allSatisfy(key -> assertThat(key).contains(sha256(OWNER)));
  }

  @Test
  void anAddressKnownUnderTheEarlierKeyStaysOpenDuringAnAttack() {
    counters.increment("LOGIN#KNOWN#" + sha256(OWNER + "\n" + HOME), NOW.plusSeconds(3600));
    for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT; i++) {
      throttle.failed(OWNER, "203.0.113." + i);
    }

    assertThat(throttle.attempt(OWNER, HOME)).isEmpty();
    assertThat(throttle.attempt(OWNER, "192.0.2.1")).isPresent();
  }

  @Test
  void failuresCountedUnderTheEarlierKeyStillCount() {
    long window =
        NOW.getEpochSecond() / LoginThrottle.WINDOW.toSeconds() * LoginThrottle.WINDOW.toSeconds();
    String earlier = "LOGIN#ACCOUNT-SOURCE#" + sha256(OWNER + "\n" + HOME) + "#" + window;
    for (int i = 0; i < LoginThrottle.FAILURES_PER_ACCOUNT_AND_SOURCE - 1; i++) {
      counters.increment(earlier, NOW.plusSeconds(1800));
    }
    assertThat(throttle.attempt(OWNER, HOME)).isEmpty();

    throttle.failed(OWNER, HOME);

    assertThat(throttle.attempt(OWNER, HOME)).isPresent();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

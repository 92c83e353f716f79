package dev.finpilot.functions.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  static final Instant T0 = Instant.parse("2026-03-02T14:05:07Z");

  @Test
  void aNewBucketIsFullAndEachTakeCostsOneToken() {
    TokenBucket.Admission d = TokenBucket.take(Optional.empty(), RateLimitPolicy.PLAN_CREATION, T0);

    assertThat(d.allowed()).isTrue();
    assertThat(d.remaining()).isEqualTo(4);
    assertThat(d.next()).isEqualTo(new Bucket(4000, T0.toEpochMilli(), 1));
  }

  @Test
  void anEmptyBucketSaysHowLongUntilTheNextToken() {
    Bucket empty = new Bucket(250, T0.toEpochMilli(), 7);

    TokenBucket.Admission d =
        TokenBucket.take(Optional.of(empty), RateLimitPolicy.PLAN_CREATION, T0);

    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(45));
    assertThat(d.next().version()).isEqualTo(7);
  }

  @Test
  void refillIsProportionalToTimeAndCappedAtCapacity() {
    Bucket empty = new Bucket(0, T0.toEpochMilli(), 3);

    assertThat(
            TokenBucket.take(Optional.of(empty), RateLimitPolicy.READ, T0.plusMillis(2500))
                .next()
                .milliTokens())
        .isEqualTo(1500);
    assertThat(
            TokenBucket.take(
                    Optional.of(empty), RateLimitPolicy.READ, T0.plus(Duration.ofDays(900)))
                .remaining())
        .isEqualTo(RateLimitPolicy.READ.capacity() - 1);
  }

  @Test
  void aClockRunningBackwardsMintsNothing() {
    Bucket empty = new Bucket(0, T0.toEpochMilli(), 3);

    TokenBucket.Admission d =
        TokenBucket.take(Optional.of(empty), RateLimitPolicy.READ, T0.minusSeconds(30));

    assertThat(d.allowed()).isFalse();
    assertThat(d.next().updatedAtMillis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void theLimiterRetriesAWriteItLostAndGivesUpBriefly() {
    Map<String, Bucket> stored = new HashMap<>();
    int[] conflicts = {2};
    BucketStore store =
        new BucketStore() {
          @Override
          public Optional<Bucket> find(String key) {
            return Optional.ofNullable(stored.get(key));
          }

          @Override
          public boolean save(String key, Bucket next, long expectedVersion, Instant expiresAt) {
            if (conflicts[0]-- > 0) {
              return false;
            }
            stored.put(key, next);
            return true;
          }
        };
    RateLimiter limiter = new RateLimiter(store, Clock.fixed(T0, ZoneOffset.UTC));

    assertThat(limiter.take("u", RateLimitPolicy.WRITE).allowed()).isTrue();
    assertThat(stored).containsKey("WRITE#u");

    conflicts[0] = RateLimiter.MAX_ATTEMPTS;
    TokenBucket.Admission gaveUp = limiter.take("u", RateLimitPolicy.WRITE);
    assertThat(gaveUp.allowed()).isFalse();
    assertThat(gaveUp.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }
}

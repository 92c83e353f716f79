package dev.finpilot.functions.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  static final Instant T0 = Instant.parse("2026-03-02T14:05:07Z");

  final MutableClock clock = new MutableClock(T0);
  final InMemoryBucketStore store = new InMemoryBucketStore();
  final RateLimiter limiter = new RateLimiter(store, clock);

  @Test
  void aNewBucketIsFullAndEachTakeCostsOneToken() {
    for (int left = 4; left >= 0; left--) {
      RateLimiter.Admission d = limiter.take("u", RateLimitPolicy.PLAN_CREATION);
      assertThat(d.allowed()).isTrue();
      assertThat(d.remaining()).isEqualTo(left);
    }

    RateLimiter.Admission refused = limiter.take("u", RateLimitPolicy.PLAN_CREATION);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(store.fullAt("PLAN_CREATION#u"))
        .hasValue(T0.plus(Duration.ofMinutes(5)).toEpochMilli());
  }

  @Test
  void refillIsProportionalToTimeAndSaysHowLongUntilTheNextToken() {
    exhaust(RateLimitPolicy.READ);

    clock.advance(Duration.ofMillis(2500));

    assertThat(limiter.take("u", RateLimitPolicy.READ).allowed()).isTrue();
    assertThat(limiter.take("u", RateLimitPolicy.READ).allowed()).isTrue();
    RateLimiter.Admission refused = limiter.take("u", RateLimitPolicy.READ);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aBucketIdleForLongIsFullButNoFuller() {
    exhaust(RateLimitPolicy.READ);

    clock.advance(Duration.ofDays(900));

    assertThat(limiter.take("u", RateLimitPolicy.READ).remaining())
        .isEqualTo(RateLimitPolicy.READ.capacity() - 1);
  }

  @Test
  void aClockRunningBackwardsMintsNothing() {
    exhaust(RateLimitPolicy.READ);

    clock.advance(Duration.ofSeconds(-30));

    RateLimiter.Admission refused = limiter.take("u", RateLimitPolicy.READ);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(31));
  }

  @Test
  void policiesAndUsersHaveTheirOwnBuckets() {
    exhaust(RateLimitPolicy.PLAN_CREATION);

    assertThat(limiter.take("u", RateLimitPolicy.READ).allowed()).isTrue();
    assertThat(limiter.take("other", RateLimitPolicy.PLAN_CREATION).allowed()).isTrue();
  }

  @Test
  void aBucketThatVanishesAfterARefusedTakeIsDecidedAgainThenRefusedBriefly() {
    int[] takes = {0};
    RateLimiter vanishing =
        new RateLimiter(
            new BucketStore() {
              @Override
              public OptionalLong take(
                  String key, long now, long interval, long latest, Instant expiresAt) {
                takes[0]++;
                return OptionalLong.empty();
              }

              @Override
              public OptionalLong fullAt(String key) {
                return OptionalLong.empty();
              }
            },
            clock);

    RateLimiter.Admission gaveUp = vanishing.take("u", RateLimitPolicy.WRITE);

    assertThat(takes[0]).isEqualTo(RateLimiter.MAX_ATTEMPTS);
    assertThat(gaveUp.allowed()).isFalse();
    assertThat(gaveUp.retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  private void exhaust(RateLimitPolicy policy) {
    for (int i = 0; i < policy.capacity(); i++) {
      assertThat(limiter.take("u", policy).allowed()).isTrue();
    }
    assertThat(limiter.take("u", policy).allowed()).isFalse();
  }
}

package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.auth.InMemorySessionStore;
import dev.finpilot.auth.SigningKey;
import dev.finpilot.auth.SigningKeys;
import dev.finpilot.messaging.RecordingBus;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The function modules' priming tests: the paths run against in-memory stores, each of which then
 * tells whether the path reached it and whether anything was left behind.
 */
public final class PrimingFixtures {

  public final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  public final RecordingBus bus = new RecordingBus();
  public final InMemorySessionStore sessions = new InMemorySessionStore();
  public final AtomicInteger keyReads = new AtomicInteger();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:05:07Z"));

  /** An agent's context over the in-memory plans and bus (no SDK client: the paths use none). */
  public FunctionContext agentContext() {
    return new FunctionContext(new FunctionEnvironment(Map.of()), null, null, plans, bus, clock);
  }

  /** An authenticator whose key reads are counted and whose sessions are in memory. */
  public Authenticator authenticator() {
    SigningKeys keys = new SigningKeys(SigningKey.of("k1", "a".repeat(64)), List.of());
    return new Authenticator(
        new AccessTokens(
            () -> {
              keyReads.incrementAndGet();
              return keys;
            },
            clock),
        sessions,
        clock);
  }

  /** Runs {@code paths} as the snapshot would; every one completes and nothing is left behind. */
  public void assertPrimedWithoutTrace(String function, List<Runnable> paths) {
    assertThat(Priming.register(function, paths).run())
        .as("paths completed")
        .isEqualTo(paths.size());
    assertThat(plans.applied()).as("plan changes").isEmpty();
    assertThat(bus.sent()).as("messages sent").isEmpty();
    assertThat(sessions.standingReads()).as("account or session reads").isZero();
  }
}

package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.VersionFixtures;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParsedVersionsTest {
  static final Instant AT = Instant.parse("2026-03-02T14:05:07Z");

  final ParsedVersions parsed = new ParsedVersions();
  final AtomicInteger reads = new AtomicInteger();

  static PlanRecord plan(String planId, String userId, Instant createdAt) {
    return PlanRecord.received(
        planId, userId, FinancialStateFixtures.request(), "corr-" + planId, createdAt);
  }

  static PlanVersion version(String planId, boolean verified) {
    return new PlanVersion(
        planId,
        1,
        GetPlanTest.balancedPlan(),
        VersionFixtures.reasoning(0.9),
        VersionFixtures.projection(0.87),
        verified ? VersionFixtures.approved() : null,
        AT.plusSeconds(5));
  }

  Supplier<Optional<PlanVersion>> stored(PlanVersion version) {
    return () -> {
      reads.incrementAndGet();
      return Optional.of(version);
    };
  }

  @Test
  void aVerifiedVersionIsReadOnceThenServedFromMemory() {
    PlanRecord plan = plan(UUID.randomUUID().toString(), "u", AT);
    PlanVersion v = version(plan.planId(), true);

    assertThat(parsed.get(plan, 1, stored(v))).containsSame(v);
    assertThat(parsed.get(plan, 1, stored(v))).containsSame(v);

    assertThat(reads).hasValue(1);
  }

  @Test
  void aVersionNotYetVerifiedIsReadEveryTimeAsItsReportIsStillToCome() {
    PlanRecord plan = plan(UUID.randomUUID().toString(), "u", AT);
    PlanVersion unverified = version(plan.planId(), false);
    parsed.get(plan, 1, stored(unverified));

    PlanVersion verified = version(plan.planId(), true);

    assertThat(parsed.get(plan, 1, stored(verified))).containsSame(verified);
    assertThat(reads).hasValue(2);
  }

  @Test
  void neitherAnotherUserNorAPlanRecreatedUnderTheSameIdGetsTheVersionKept() {
    String planId = UUID.randomUUID().toString();
    PlanVersion kept = version(planId, true);
    parsed.get(plan(planId, "u", AT), 1, stored(kept));

    PlanVersion foreign = version(planId, true);
    PlanVersion recreated = version(planId, true);

    assertThat(parsed.get(plan(planId, "someone-else", AT), 1, stored(foreign)))
        .containsSame(foreign);
    assertThat(parsed.get(plan(planId, "u", AT.plusSeconds(1)), 1, stored(recreated)))
        .containsSame(recreated);
    assertThat(reads).hasValue(3);
  }

  @Test
  void aVersionNotStoredIsNotKept() {
    PlanRecord plan = plan(UUID.randomUUID().toString(), "u", AT);
    Supplier<Optional<PlanVersion>> missing =
        () -> {
          reads.incrementAndGet();
          return Optional.empty();
        };

    assertThat(parsed.get(plan, 1, missing)).isEmpty();
    assertThat(parsed.get(plan, 1, missing)).isEmpty();
    assertThat(reads).hasValue(2);
  }

  @Test
  void onlyTheLastVersionsReadAreKept() {
    PlanRecord first = plan(UUID.randomUUID().toString(), "u", AT);
    parsed.get(first, 1, stored(version(first.planId(), true)));
    for (int i = 0; i < ParsedVersions.CAPACITY; i++) {
      PlanRecord other = plan(UUID.randomUUID().toString(), "u", AT);
      parsed.get(other, 1, stored(version(other.planId(), true)));
    }

    parsed.get(first, 1, stored(version(first.planId(), true)));

    assertThat(reads).hasValue(ParsedVersions.CAPACITY + 2);
  }
}

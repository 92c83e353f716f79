package dev.finpilot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TriggerMergerTest {

  static final Instant T0 = Instant.parse("2025-04-08T14:00:00Z");
  private final TriggerMerger merger = new TriggerMerger();

  static Trigger trigger(
      String id,
      String plan,
      TriggerSource source,
      String kind,
      TriggerSeverity severity,
      Instant at) {
    return new Trigger(
        id, plan, source, kind, severity, at, Duration.ofHours(24), kind + " happened", List.of());
  }

  static Trigger market(String id, String kind, TriggerSeverity severity, Instant at) {
    return trigger(id, "plan-1", TriggerSource.MARKET, kind, severity, at);
  }

  static Trigger life(String id, String kind, TriggerSeverity severity, Instant at) {
    return trigger(id, "plan-1", TriggerSource.LIFE, kind, severity, at);
  }

  @Test
  void aTriggerExactlyAtTheWindowsEndJoinsAndOneNanosecondLaterStartsANewOne() {
    Trigger first = market("a", "DRAWDOWN", TriggerSeverity.MEDIUM, T0);
    Trigger atEnd = market("b", "RATE_MOVE", TriggerSeverity.LOW, T0.plus(Duration.ofMinutes(15)));
    Trigger after =
        market("c", "RATE_MOVE", TriggerSeverity.LOW, T0.plus(Duration.ofMinutes(15)).plusNanos(1));

    List<CompoundTrigger> merged = merger.merge(List.of(first, atEnd, after));

    assertThat(merged).hasSize(2);
    assertThat(merged.get(0).causes()).extracting(Trigger::id).containsExactly("a", "b");
    assertThat(merged.get(0).windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(merged.get(1).causes()).extracting(Trigger::id).containsExactly("c");
    assertThat(merged.get(1).windowStart()).isEqualTo(after.occurredAt());
  }

  @Test
  void theWindowIsFixedFromItsFirstTriggerSoAStreamCannotHoldItOpen() {
    List<Trigger> stream = new ArrayList<>();
    for (int minute = 0; minute <= 40; minute += 10) {
      stream.add(
          market(
              "m" + minute, "RATE_MOVE", TriggerSeverity.LOW, T0.plus(Duration.ofMinutes(minute))));
    }
    List<CompoundTrigger> merged = merger.merge(stream);
    assertThat(merged).extracting(c -> c.causes().size()).containsExactly(2, 2, 1);
  }

  @Test
  void theWindowIsConfigurable() {
    TriggerMerger wide = new TriggerMerger(Duration.ofHours(1));
    List<Trigger> two =
        List.of(
            market("a", "DRAWDOWN", TriggerSeverity.LOW, T0),
            market("b", "DRAWDOWN", TriggerSeverity.LOW, T0.plus(Duration.ofMinutes(59))));
    assertThat(wide.merge(two)).hasSize(1);
    assertThat(merger.merge(two)).hasSize(2);
    assertThat(wide.window()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void windowsOutsideOneNanosecondToOneDayAreRefused() {
    assertThatThrownBy(() -> new TriggerMerger(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TriggerMerger(Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TriggerMerger(Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plansAreMergedSeparately() {
    List<CompoundTrigger> merged =
        merger.merge(
            List.of(
                trigger("x", "plan-b", TriggerSource.MARKET, "DRAWDOWN", TriggerSeverity.HIGH, T0),
                trigger(
                    "y", "plan-a", TriggerSource.MARKET, "DRAWDOWN", TriggerSeverity.HIGH, T0)));
    assertThat(merged).extracting(CompoundTrigger::planId).containsExactly("plan-a", "plan-b");
    assertThat(merged).allMatch(c -> !c.isCompound());
  }

  @Test
  void theSameTriggerDeliveredTwiceCountsOnce() {
    Trigger t = market("a", "DRAWDOWN", TriggerSeverity.HIGH, T0);
    CompoundTrigger merged = merger.merge(List.of(t, t)).get(0);
    assertThat(merged.causes()).hasSize(1);
    assertThat(merged.with(t)).isSameAs(merged);
  }

  @Test
  void causesAreOrderedGravestFirstThenByTimeKindAndId() {
    List<Trigger> triggers =
        List.of(
            market("r", "RATE_MOVE", TriggerSeverity.MEDIUM, T0.plusSeconds(60)),
            market("v", "VOLATILITY_REGIME", TriggerSeverity.MEDIUM, T0.plusSeconds(60)),
            life("j", "JOB_LOSS", TriggerSeverity.HIGH, T0.plusSeconds(120)),
            market("d", "DRAWDOWN", TriggerSeverity.MEDIUM, T0));
    CompoundTrigger merged = merger.merge(triggers).get(0);
    assertThat(merged.causes()).extracting(Trigger::id).containsExactly("j", "d", "r", "v");
    assertThat(merged.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(merged.id()).isEqualTo("plan-1:" + T0);
  }

  @Test
  void theOutputDoesNotDependOnTheInputOrder() {
    List<Trigger> triggers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      triggers.add(
          trigger(
              "t" + i,
              "plan-" + (i % 3),
              i % 2 == 0 ? TriggerSource.MARKET : TriggerSource.LIFE,
              "K" + (i % 4),
              List.of(
                      TriggerSeverity.LOW,
                      TriggerSeverity.MEDIUM,
                      TriggerSeverity.HIGH,
                      TriggerSeverity.CRITICAL)
                  .get(i % 4),
              T0.plus(Duration.ofMinutes(i * 7L % 50))));
    }
    List<CompoundTrigger> expected = merger.merge(triggers);
    Random seeded = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<Trigger> shuffled = new ArrayList<>(triggers);
      Collections.shuffle(shuffled, seeded);
      assertThat(merger.merge(shuffled)).isEqualTo(expected);
    }
  }

  @Test
  void twoSeriousCausesOfDifferentKindsRaiseTheSeverityOneStep() {
    // The prototype's "perfect_storm" scenario: job loss and a market crash together.
    CompoundTrigger storm =
        merger
            .merge(
                List.of(
                    life("job", "JOB_LOSS", TriggerSeverity.HIGH, T0),
                    market("crash", "DRAWDOWN", TriggerSeverity.HIGH, T0.plusSeconds(30))))
            .get(0);
    assertThat(storm.severity()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(storm.gravestCause()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(storm.reasons())
        .last()
        .isEqualTo(
            "raised from HIGH to CRITICAL: serious causes of different kinds coincide"
                + " (JOB_LOSS, DRAWDOWN)");
    assertThat(storm.allFromMarket()).isFalse();
  }

  @Test
  void twoSeriousCausesOfTheSameKindAreOneShockNotTwo() {
    CompoundTrigger indices =
        merger
            .merge(
                List.of(
                    market("spx", "DRAWDOWN", TriggerSeverity.HIGH, T0),
                    market("ndx", "DRAWDOWN", TriggerSeverity.HIGH, T0)))
            .get(0);
    assertThat(indices.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(indices.allFromMarket()).isTrue();
  }

  @Test
  void aSeriousCauseWithAMildOneKeepsTheGravestSeverity() {
    // The prototype's "economic_pressure" scenario (medical + rate hike) and "opportunity_crisis"
    // (inheritance + volatility spike).
    CompoundTrigger pressure =
        merger
            .merge(
                List.of(
                    life("med", "MEDICAL_EMERGENCY", TriggerSeverity.CRITICAL, T0),
                    market("rate", "RATE_MOVE", TriggerSeverity.MEDIUM, T0)))
            .get(0);
    assertThat(pressure.severity()).isEqualTo(TriggerSeverity.CRITICAL);
    CompoundTrigger opportunity =
        merger
            .merge(
                List.of(
                    life("inh", "INHERITANCE", TriggerSeverity.LOW, T0),
                    market("vol", "VOLATILITY_REGIME", TriggerSeverity.HIGH, T0)))
            .get(0);
    assertThat(opportunity.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(opportunity.reasons()).hasSize(2);
  }

  @Test
  void criticalIsNotRaisedFurther() {
    CompoundTrigger both =
        merger
            .merge(
                List.of(
                    life("job", "JOB_LOSS", TriggerSeverity.CRITICAL, T0),
                    market("crash", "DRAWDOWN", TriggerSeverity.HIGH, T0)))
            .get(0);
    assertThat(both.severity()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(both.reasons()).hasSize(2);
  }

  @Test
  void theDeadlineIsTheEarliestOfTheCauses() {
    Trigger slow =
        new Trigger(
            "s",
            "plan-1",
            TriggerSource.MARKET,
            "RATE_MOVE",
            TriggerSeverity.LOW,
            T0,
            Duration.ofDays(7),
            "r",
            List.of());
    Trigger fast =
        new Trigger(
            "f",
            "plan-1",
            TriggerSource.LIFE,
            "JOB_LOSS",
            TriggerSeverity.CRITICAL,
            T0.plusSeconds(600),
            Duration.ofHours(24),
            "j",
            List.of());
    CompoundTrigger merged = merger.merge(List.of(slow, fast)).get(0);
    assertThat(merged.actBy()).isEqualTo(T0.plusSeconds(600).plus(Duration.ofHours(24)));
  }

  @Test
  void aTriggerOutsideTheWindowCannotBeAddedByHand() {
    CompoundTrigger open =
        CompoundTrigger.open(
            market("a", "DRAWDOWN", TriggerSeverity.LOW, T0), Duration.ofMinutes(15));
    Trigger early = market("b", "DRAWDOWN", TriggerSeverity.LOW, T0.minusSeconds(1));
    Trigger otherPlan =
        trigger("c", "plan-2", TriggerSource.MARKET, "DRAWDOWN", TriggerSeverity.LOW, T0);
    assertThat(open.accepts(early)).isFalse();
    assertThat(open.accepts(otherPlan)).isFalse();
    assertThatThrownBy(() -> open.with(early)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingInNothingOut() {
    assertThat(merger.merge(List.of())).isEmpty();
  }
}

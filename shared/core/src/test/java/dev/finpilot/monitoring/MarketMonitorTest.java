package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.Markets.CLOCK;
import static dev.finpilot.monitoring.Markets.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.ValidationException;
import dev.finpilot.market.Observation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketMonitorTest {

  private final MarketMonitor monitor = MarketMonitor.withDefaults(CLOCK);

  /** A turbulent year for SPX: calm, then 35% volatility, ending well below where it began. */
  private static MarketSeries turbulentSpx() {
    return Markets.alternating("SPX", Markets.dailyFor(0.12), 231, Markets.dailyFor(0.35), 21);
  }

  private static MarketSeries rateHike() {
    return new MarketSeries(
        "DGS10",
        List.of(
            new Observation(START, new BigDecimal("4.50")),
            new Observation(START.plusDays(252), new BigDecimal("5.25"))));
  }

  @Test
  void eachPlanGetsItsDrawdownTheIndexVolatilityAndEveryRateMove() {
    MarketSeries spx = turbulentSpx();
    BigDecimal latest = spx.latest().value();
    PlanBaseline deepDrop =
        new PlanBaseline("plan-a", "SPX", START, latest.multiply(new BigDecimal("1.25")));
    PlanBaseline noDrop = new PlanBaseline("plan-b", "SPX", START, latest);

    List<Trigger> triggers =
        monitor.scan(List.of(noDrop, deepDrop), Map.of("SPX", spx), List.of(rateHike()));

    assertThat(triggers)
        .extracting(Trigger::id)
        .containsExactly(
            "plan-a:DRAWDOWN:SPX:2024-09-10:HIGH",
            "plan-a:RATE_MOVE:DGS10:2024-09-10:MEDIUM",
            "plan-a:VOLATILITY_REGIME:SPX:2024-09-10:HIGH",
            "plan-b:RATE_MOVE:DGS10:2024-09-10:MEDIUM",
            "plan-b:VOLATILITY_REGIME:SPX:2024-09-10:HIGH");
    assertThat(triggers).allMatch(t -> t.occurredAt().equals(Markets.NOW));
    assertThat(triggers).allMatch(t -> t.source() == TriggerSource.MARKET);
  }

  @Test
  void aCalmMarketRaisesNothing() {
    MarketSeries calm = Markets.alternating("SPX", 0.005, 252, 0.005, 0);
    PlanBaseline plan = new PlanBaseline("plan-a", "SPX", START, calm.latest().value());
    assertThat(monitor.scan(List.of(plan), Map.of("SPX", calm), List.of())).isEmpty();
  }

  @Test
  void aPlansReferenceSeriesMustBeSupplied() {
    PlanBaseline plan = new PlanBaseline("plan-a", "NDX", START, BigDecimal.TEN);
    assertThatThrownBy(() -> monitor.scan(List.of(plan), Map.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("indices.NDX: is needed by plan plan-a");
  }

  @Test
  void lifeTriggersKeepTheAssessment() {
    LifeEventAssessment a =
        new LifeEventClassifier()
            .classify(
                LifeEvent.of("evt-9", LifeEventType.DIVORCE, LifeEventClassifierTest.REPORTED),
                LifeEventClassifierTest.household("20000"));
    Trigger t = Trigger.life("plan-a", a);
    assertThat(t.id()).isEqualTo("plan-a:LIFE:evt-9");
    assertThat(t.kind()).isEqualTo("DIVORCE");
    assertThat(t.severity()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(t.actBy()).isEqualTo(a.actBy());
    assertThat(t.evidence()).isEqualTo(a.evidence());
  }
}

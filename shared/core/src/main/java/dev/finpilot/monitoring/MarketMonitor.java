package dev.finpilot.monitoring;

import dev.finpilot.domain.Validation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the scheduled market check: drawdown of each plan's reference index from the plan's
 * baseline, the volatility regime of that index, and every watched rate series, turned into
 * triggers for the affected plans.
 */
public final class MarketMonitor {

  private final DrawdownDetector drawdowns;
  private final VolatilityDetector volatility;
  private final RateMoveDetector rates;

  public MarketMonitor(
      DrawdownDetector drawdowns, VolatilityDetector volatility, RateMoveDetector rates) {
    this.drawdowns = Objects.requireNonNull(drawdowns, "drawdowns");
    this.volatility = Objects.requireNonNull(volatility, "volatility");
    this.rates = Objects.requireNonNull(rates, "rates");
  }

  public static MarketMonitor withDefaults(Clock clock) {
    return new MarketMonitor(
        new DrawdownDetector(clock), new VolatilityDetector(clock), new RateMoveDetector(clock));
  }

  /**
   * Triggers for the plans, ordered by plan and trigger id.
   *
   * @param indices daily closes by series name; each plan's reference series must be present
   * @param rateSeries rate series (in percent) whose moves concern every plan; may be empty
   */
  public List<Trigger> scan(
      List<PlanBaseline> plans, Map<String, MarketSeries> indices, List<MarketSeries> rateSeries) {
    Validation v = new Validation();
    for (int i = 0; i < plans.size(); i++) {
      String series = plans.get(i).series();
      v.require(
          indices.containsKey(series),
          "indices." + series,
          "is needed by plan " + plans.get(i).planId());
    }
    v.throwIfInvalid();
    List<MarketEvent> rateEvents = new ArrayList<>();
    for (MarketSeries r : rateSeries) {
      rates.detect(r).ifPresent(rateEvents::add);
    }
    Map<String, Optional<MarketEvent>> volatilityBySeries = new HashMap<>();
    List<Trigger> triggers = new ArrayList<>();
    for (PlanBaseline plan : plans) {
      MarketSeries index = indices.get(plan.series());
      drawdowns.detect(plan, index).ifPresent(e -> triggers.add(Trigger.market(plan.planId(), e)));
      volatilityBySeries
          .computeIfAbsent(plan.series(), s -> volatility.detect(index))
          .ifPresent(e -> triggers.add(Trigger.market(plan.planId(), e)));
      rateEvents.forEach(e -> triggers.add(Trigger.market(plan.planId(), e)));
    }
    triggers.sort(Comparator.comparing(Trigger::planId).thenComparing(Trigger::id));
    return triggers;
  }
}

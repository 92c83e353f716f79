package dev.finpilot.agents;

import dev.finpilot.market.Provenance;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.CompoundTrigger;
import dev.finpilot.monitoring.DrawdownDetector;
import dev.finpilot.monitoring.MarketMonitor;
import dev.finpilot.monitoring.MarketSeries;
import dev.finpilot.monitoring.RateMoveDetector;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.ReviewPolicy;
import dev.finpilot.monitoring.Trigger;
import dev.finpilot.monitoring.TriggerMerger;
import dev.finpilot.monitoring.VolatilityDetector;
import dev.finpilot.plans.ActivePlan;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the scheduled market monitor: reads the market once (the reference index's daily
 * closes and the Treasury yields), walks the index of ACTIVE plans page by page, and hands the
 * workflow one {@code TriggerRaised} per plan the market now threatens more than before. The
 * workflow's severity policy and merging decide what the review does.
 *
 * <p>A run is identified by its scheduled time: its triggers, their review decisions and their
 * message ids are all derived from it, so a retried run sends the same messages again and the
 * workflow counts each once.
 */
public final class MarketWatch {

  /** The reference index every plan's drawdown is measured on (an S&amp;P 500 fund). */
  public static final String REFERENCE_INDEX = "SPY";

  /** Plans read per page of the index; the market's state is evaluated once per page. */
  static final int PAGE_SIZE = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(MarketWatch.class);

  private final MarketData market;
  private final PlanRepository plans;
  private final PlanWatches watches;
  private final MessageBus bus;
  private final MonitorMetrics metrics;
  private final ReviewPolicy policy = new ReviewPolicy();
  private final TriggerMerger merger = new TriggerMerger();

  public MarketWatch(
      MarketData market,
      PlanRepository plans,
      PlanWatches watches,
      MessageBus bus,
      MonitorMetrics metrics) {
    this.market = market;
    this.plans = plans;
    this.bus = bus;
    this.watches = watches;
    this.metrics = metrics;
  }

  /** Runs the monitor as scheduled for {@code at} and publishes the run's metrics. */
  public MonitorRun run(Instant at) {
    MonitorRun run = watch(at);
    metrics.runFinished(run);
    return run;
  }

  private MonitorRun watch(Instant at) {
    String runId = at.toString();
    MarketState state;
    try {
      state = readMarket();
    } catch (MarketDataUnavailableException e) {
      LOG.warn(
          "market monitor run {} has no live market data and raises nothing: {}",
          runId,
          e.getMessage());
      return MonitorRun.withoutData(runId, e.getMessage());
    }
    MarketMonitor monitor = state.monitor(Clock.fixed(at, ZoneOffset.UTC));
    MonitorRun.Tally tally = new MonitorRun.Tally();
    String cursor = null;
    do {
      PlanRepository.Page<ActivePlan> page = plans.activePlans(PAGE_SIZE, cursor);
      watchPage(
          page.items(), state, monitor, MessageOrigin.start("market-monitor-" + runId), tally);
      cursor = page.nextCursor();
    } while (cursor != null);
    MonitorRun run = tally.finish(runId, state.index().latest().date());
    LOG.info(
        "market monitor run {} on closes of {}: {} plans watched, {} baselined, {} triggers raised",
        runId,
        run.asOf(),
        run.plansWatched(),
        run.plansBaselined(),
        run.triggersRaised());
    return run;
  }

  /**
   * One page of plans: new baselines stored, then the page's triggers sent, then the watches they
   * changed stored, so a watch never remembers a trigger that was not sent.
   */
  private void watchPage(
      List<ActivePlan> page,
      MarketState state,
      MarketMonitor monitor,
      MessageOrigin origin,
      MonitorRun.Tally tally) {
    Map<String, PlanWatch> known = watches.find(page.stream().map(ActivePlan::planId).toList());
    List<ActivePlan> watched = new ArrayList<>();
    List<PlanWatch> started = new ArrayList<>();
    for (ActivePlan plan : page) {
      PlanWatch watch = known.get(plan.planId());
      if (watch != null && watch.watches(plan, REFERENCE_INDEX)) {
        watched.add(plan);
      } else {
        started.add(PlanWatch.startingAt(plan, REFERENCE_INDEX, state.index().latest()));
      }
    }
    watches.saveAll(started);
    Map<String, List<Trigger>> byPlan =
        monitor
            .scan(
                watched.stream().map(p -> known.get(p.planId()).baseline()).toList(),
                Map.of(REFERENCE_INDEX, state.index()),
                state.rates())
            .stream()
            .collect(Collectors.groupingBy(Trigger::planId));
    List<Envelope> raised = new ArrayList<>();
    List<PlanWatch> changed = new ArrayList<>();
    for (ActivePlan plan : watched) {
      PlanWatch watch = known.get(plan.planId());
      PlanWatch.Assessment assessment = watch.assess(byPlan.getOrDefault(plan.planId(), List.of()));
      if (!assessment.raise().isEmpty()) {
        raised.add(triggerRaised(plan, assessment.raise()));
      }
      if (!assessment.after().equals(watch)) {
        changed.add(assessment.after());
      }
    }
    bus.sendAll(raised, origin);
    watches.saveAll(changed);
    tally.add(watched.size(), started.size(), raised.size());
  }

  /**
   * The plan's triggers of this run as one message: merged (they share the run's time, so they fall
   * in one window) and decided on by the policy.
   */
  private Envelope triggerRaised(ActivePlan plan, List<Trigger> triggers) {
    CompoundTrigger compound = merger.merge(triggers).get(0);
    ReviewDecision decision = policy.decide(compound);
    return new Envelope(
        "market-monitor:" + compound.id(),
        MessageType.TRIGGER_RAISED,
        plan.planId(),
        plan.activeVersion(),
        plan.userId(),
        Json.mapper().valueToTree(Payloads.TriggerRaised.market(decision)),
        compound.windowStart(),
        Envelope.SCHEMA_VERSION);
  }

  private MarketState readMarket() {
    Series closes = market.dailyCloses(REFERENCE_INDEX);
    if (closes.provenance() == Provenance.EMBEDDED) {
      // Historical data is no news about today's market.
      throw new MarketDataUnavailableException(
          "live daily closes of " + REFERENCE_INDEX,
          List.of("only the embedded historical data set answered"));
    }
    MarketSeries index = new MarketSeries(closes.name(), closes.points());
    if (index.size() <= VolatilityDetector.DEFAULT_WINDOW) {
      throw new MarketDataUnavailableException(
          "enough daily closes of " + REFERENCE_INDEX,
          List.of(closes.source() + " answered " + index.size() + " closes"));
    }
    List<MarketSeries> rates = new ArrayList<>();
    for (Rate rate : Rate.values()) {
      try {
        Series yields = market.treasuryYield(rate);
        LocalDate windowStart =
            yields.latest().date().minusDays(RateMoveDetector.DEFAULT_WINDOW_DAYS);
        if (!yields.points().get(0).date().isAfter(windowStart)) {
          rates.add(new MarketSeries(rate.name(), yields.points()));
        }
      } catch (MarketDataUnavailableException e) {
        LOG.warn("market monitor watches no {} moves this run: {}", rate, e.getMessage());
      }
    }
    return new MarketState(index, rates);
  }

  /** The market as read once per run. */
  private record MarketState(MarketSeries index, List<MarketSeries> rates) {

    /**
     * The detectors with their default bands. The long-run volatility spans the closes the
     * providers answer (about 100 trading days) when they are fewer than a year.
     */
    MarketMonitor monitor(Clock clock) {
      int longRun = Math.min(VolatilityDetector.DEFAULT_LONG_RUN, index.size() - 1);
      return new MarketMonitor(
          new DrawdownDetector(clock),
          new VolatilityDetector(
              clock,
              VolatilityDetector.DEFAULT_BANDS,
              VolatilityDetector.DEFAULT_WINDOW,
              longRun,
              VolatilityDetector.DEFAULT_SPIKE_RATIO),
          new RateMoveDetector(clock));
    }
  }
}

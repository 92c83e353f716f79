package dev.finpilot.agents;

import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A market whose history the test writes day by day: the reference index's closes and the Treasury
 * yields, as a provider would answer them. Counts how often the monitor reads it.
 */
public final class ScriptedMarket implements MarketData {

  private final List<Observation> closes = new ArrayList<>();
  private final Map<Rate, List<Observation>> yields = new EnumMap<>(Rate.class);
  private final AtomicInteger reads = new AtomicInteger();
  private LocalDate next;
  private Provenance served = Provenance.LIVE;

  public ScriptedMarket(LocalDate first) {
    this.next = first;
  }

  /** {@code days} more weekday closes moving geometrically from the last close to {@code to}. */
  public ScriptedMarket moveTo(String to, int days) {
    BigDecimal from = closes.isEmpty() ? new BigDecimal(to) : latest();
    double step = Math.pow(new BigDecimal(to).doubleValue() / from.doubleValue(), 1.0 / days);
    for (int i = 1; i <= days; i++) {
      BigDecimal close =
          i == days
              ? new BigDecimal(to)
              : BigDecimal.valueOf(from.doubleValue() * Math.pow(step, i))
                  .setScale(2, RoundingMode.HALF_EVEN);
      closes.add(new Observation(tradingDay(), close));
    }
    return this;
  }

  /** The same yield of {@code rate} on every close so far, then {@code to} on the latest. */
  public ScriptedMarket yieldMovesTo(Rate rate, String from, String to) {
    List<Observation> series = new ArrayList<>();
    for (int i = 0; i < closes.size(); i++) {
      Observation c = closes.get(i);
      series.add(new Observation(c.date(), new BigDecimal(i == closes.size() - 1 ? to : from)));
    }
    yields.put(rate, series);
    return this;
  }

  /** Answers from now on as served from {@code provenance}. */
  public ScriptedMarket servedAs(Provenance provenance) {
    served = provenance;
    return this;
  }

  public BigDecimal latest() {
    return closes.get(closes.size() - 1).value();
  }

  public int reads() {
    return reads.get();
  }

  @Override
  public Quote quote(String symbol) {
    throw new UnsupportedOperationException("the monitor reads no quotes");
  }

  @Override
  public Series dailyCloses(String symbol) {
    reads.incrementAndGet();
    return series(symbol, Series.Unit.PRICE, closes);
  }

  @Override
  public Series treasuryYield(Rate rate) {
    reads.incrementAndGet();
    List<Observation> points = yields.get(rate);
    if (points == null) {
      throw new MarketDataUnavailableException("the " + rate + " yield", List.of("not scripted"));
    }
    return series(rate.name(), Series.Unit.PERCENT, points);
  }

  @Override
  public Series consumerPrices() {
    throw new UnsupportedOperationException("the monitor reads no consumer prices");
  }

  private Series series(String name, Series.Unit unit, List<Observation> points) {
    return new Series(
        name, unit, points, "scripted", Instant.parse("2026-01-01T00:00:00Z"), served);
  }

  private LocalDate tradingDay() {
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
      next = next.plusDays(1);
    }
    LocalDate day = next;
    next = next.plusDays(1);
    return day;
  }
}

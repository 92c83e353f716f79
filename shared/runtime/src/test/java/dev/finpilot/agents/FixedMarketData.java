package dev.finpilot.agents;

import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Live Treasury yields and consumer prices as a provider would serve them; no quotes. */
final class FixedMarketData implements MarketData {
  static final Instant FETCHED = Instant.parse("2026-01-05T09:00:00Z");

  private final String threeMonth;
  private final String tenYear;

  FixedMarketData(String threeMonth, String tenYear) {
    this.threeMonth = threeMonth;
    this.tenYear = tenYear;
  }

  @Override
  public Quote quote(String symbol) {
    throw new MarketDataUnavailableException("a quote for " + symbol, List.of("not served here"));
  }

  @Override
  public Series dailyCloses(String symbol) {
    throw new MarketDataUnavailableException("closes of " + symbol, List.of("not served here"));
  }

  @Override
  public Series treasuryYield(Rate rate) {
    return new Series(
        rate.name(),
        Series.Unit.PERCENT,
        List.of(Observation.of("2026-01-02", rate == Rate.DGS3MO ? threeMonth : tenYear)),
        "alpha-vantage",
        FETCHED,
        Provenance.LIVE);
  }

  /** Prices 2.4% up over the last 12 months. */
  @Override
  public Series consumerPrices() {
    List<Observation> points = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      points.add(Observation.of(LocalDate.of(2024, 12, 1).plusMonths(m).toString(), "315.000"));
    }
    points.add(Observation.of("2025-12-01", "322.560"));
    return new Series("CPI", Series.Unit.INDEX, points, "alpha-vantage", FETCHED, Provenance.LIVE);
  }
}

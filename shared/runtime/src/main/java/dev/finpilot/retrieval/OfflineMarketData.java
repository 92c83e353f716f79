package dev.finpilot.retrieval;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import java.util.List;

/**
 * Market data where no live source is configured: every question is answered with the reason, so
 * that callers fall back to the embedded historical data set and say so.
 */
public final class OfflineMarketData implements MarketData {

  static final String REASON =
      "no live market-data source is configured (MARKET_DATA_SOURCES is empty), so FinPilot uses"
          + " its embedded historical data set";

  @Override
  public Quote quote(String symbol) {
    throw unavailable("a quote for " + symbol);
  }

  @Override
  public Series dailyCloses(String symbol) {
    throw unavailable("daily closes of " + symbol);
  }

  @Override
  public Series treasuryYield(Rate rate) {
    throw unavailable("the " + rate + " yield");
  }

  @Override
  public Series consumerPrices() {
    throw unavailable("the consumer price index");
  }

  private static MarketDataUnavailableException unavailable(String what) {
    return new MarketDataUnavailableException(what, List.of(REASON));
  }
}

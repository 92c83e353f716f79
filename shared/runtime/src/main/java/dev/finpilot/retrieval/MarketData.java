package dev.finpilot.retrieval;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;

/**
 * Market data as FinPilot's agents and API read it: through the cache to the providers in order,
 * every answer saying where it came from and how ({@link dev.finpilot.market.Provenance}).
 *
 * @throws UnknownSymbolException when a provider says the symbol does not exist
 * @throws MarketDataUnavailableException when neither the cache nor any provider can answer
 */
public interface MarketData {

  Quote quote(String symbol);

  /** Recent daily closes (about the last 100 trading days), oldest first. */
  Series dailyCloses(String symbol);

  /** Recent daily yields of {@code rate}, in percent, oldest first. */
  Series treasuryYield(Rate rate);

  /** The monthly consumer price index (1982-84 = 100), oldest first, at least 13 months. */
  Series consumerPrices();
}

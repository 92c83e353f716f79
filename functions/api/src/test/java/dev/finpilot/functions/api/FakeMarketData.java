package dev.finpilot.functions.api;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.OfflineMarketData;
import dev.finpilot.retrieval.UnknownSymbolException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Market data that answers what a test gave it: a quote or daily closes per symbol, or that a
 * symbol does not exist; for any other symbol, that no source could answer, with {@link #ATTEMPT}
 * as the reason; rates and prices, as offline. It records every symbol asked about.
 */
final class FakeMarketData implements MarketData {
  static final String SOURCE = "alpha-vantage";
  static final String ATTEMPT = "alpha-vantage: the daily request budget is spent";

  private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
  private final Map<String, Series> closes = new ConcurrentHashMap<>();
  private final Set<String> unknown = ConcurrentHashMap.newKeySet();
  final List<String> asked = new CopyOnWriteArrayList<>();
  private final MarketData offline = new OfflineMarketData();

  void clear() {
    quotes.clear();
    closes.clear();
    unknown.clear();
    asked.clear();
  }

  void answer(Quote quote) {
    quotes.put(quote.symbol(), quote);
  }

  void answer(Series series) {
    closes.put(series.name(), series);
  }

  void unknown(String symbol) {
    unknown.add(symbol);
  }

  @Override
  public Quote quote(String symbol) {
    return find(symbol, quotes, "a quote for ");
  }

  @Override
  public Series dailyCloses(String symbol) {
    return find(symbol, closes, "daily closes of ");
  }

  @Override
  public Series treasuryYield(Rate rate) {
    return offline.treasuryYield(rate);
  }

  @Override
  public Series consumerPrices() {
    return offline.consumerPrices();
  }

  private <T> T find(String symbol, Map<String, T> answers, String what) {
    asked.add(symbol);
    if (unknown.contains(symbol)) {
      throw new UnknownSymbolException(symbol, SOURCE);
    }
    T answer = answers.get(symbol);
    if (answer == null) {
      throw new MarketDataUnavailableException(what + symbol, List.of(ATTEMPT));
    }
    return answer;
  }
}

package dev.finpilot.retrieval;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;

/**
 * One source of market data, such as Alpha Vantage or Yahoo Finance. Answers carry {@link
 * dev.finpilot.market.Provenance#LIVE}; every failure is a {@link ProviderException} that says its
 * kind, never a value standing in for data.
 */
public interface MarketDataProvider {

  /** The name answers carry as their source, such as {@code alpha-vantage}. */
  String name();

  Quote quote(String symbol);

  Series dailyCloses(String symbol);

  Series treasuryYield(Rate rate);

  Series consumerPrices();
}

package dev.finpilot.execution;

/** Which price a held symbol is valued at. */
public enum PriceBasis {
  /** A market quote, live or cached, from a market-data provider. */
  QUOTE,
  /**
   * The cash per unit of the symbol's latest buy or sale in the user's own ledger, used when no
   * quote can be had.
   */
  LAST_TRADE
}

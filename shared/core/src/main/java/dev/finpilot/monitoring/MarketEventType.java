package dev.finpilot.monitoring;

/** The market conditions the monitor watches. */
public enum MarketEventType {
  /** The plan's reference index has fallen below the level it had when the plan was made. */
  DRAWDOWN,
  /** Realised volatility has entered an elevated regime. */
  VOLATILITY_REGIME,
  /** Interest rates have moved by many basis points within the look-back window. */
  RATE_MOVE
}

package dev.finpilot.monitoring;

/** Where a trigger came from. */
public enum TriggerSource {
  MARKET,
  LIFE
}

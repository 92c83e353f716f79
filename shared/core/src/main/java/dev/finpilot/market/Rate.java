package dev.finpilot.market;

/**
 * The interest rates FinPilot reads, named by their FRED series ids (the names the Treasury's
 * constant-maturity yields are published under). Values are yields in percent.
 */
public enum Rate {
  /** 3-month Treasury bill: the expected return of cash. */
  DGS3MO,
  /** 10-year Treasury note: the expected return of bonds and the base of the equity return. */
  DGS10
}

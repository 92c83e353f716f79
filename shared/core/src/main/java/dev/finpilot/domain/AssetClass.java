package dev.finpilot.domain;

/**
 * Asset classes, each tied to one column of the embedded historical data set so every allocation
 * can be projected from real history.
 */
public enum AssetClass {
  US_LARGE_CAP("sp500", true),
  US_SMALL_CAP("small_cap", true),
  TREASURY_BOND("tbond_10y", false),
  CORPORATE_BOND("baa_corp", false),
  CASH("tbill_3m", false),
  REAL_ESTATE("real_estate", false),
  GOLD("gold", false);

  private final String dataColumn;
  private final boolean equity;

  AssetClass(String dataColumn, boolean equity) {
    this.dataColumn = dataColumn;
    this.equity = equity;
  }

  public String dataColumn() {
    return dataColumn;
  }

  public boolean isEquity() {
    return equity;
  }
}

package dev.finpilot.execution;

import dev.finpilot.domain.AssetClass;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something an account holds: cash, or a security identified by its ticker symbol and the asset
 * class it is valued under.
 */
public record Asset(String symbol, AssetClass assetClass) {

  /**
   * The cash leg of an account. Its symbol can never be a ticker, so it cannot collide with one.
   */
  public static final Asset CASH = new Asset("$CASH", AssetClass.CASH);

  private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,11}");

  public Asset {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(assetClass, "assetClass");
  }

  public static Asset security(String symbol, AssetClass assetClass) {
    return new Asset(symbol, assetClass);
  }

  public boolean isCash() {
    return equals(CASH);
  }

  /** Upper-case letters, digits, dots and dashes, at most 12 characters (e.g. VTI, BRK.B). */
  static boolean isTicker(String symbol) {
    return symbol != null && TICKER.matcher(symbol).matches();
  }
}

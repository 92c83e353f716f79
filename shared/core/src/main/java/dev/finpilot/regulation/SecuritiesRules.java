package dev.finpilot.regulation;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Securities-law thresholds the verifier applies to plans that borrow, day-trade or buy privately.
 */
public record SecuritiesRules(
    InitialMargin initialMargin,
    PatternDayTrader patternDayTrader,
    AccreditedInvestor accreditedInvestor) {

  /** Regulation T: the share of a margin purchase the investor must fund with equity. */
  public record InitialMargin(BigDecimal requirement, Citation source) {

    /** Gross exposure over equity that the initial-margin requirement allows (2 at 50%). */
    public BigDecimal maxLeverage() {
      return BigDecimal.ONE.divide(requirement, 4, RoundingMode.HALF_EVEN);
    }
  }

  /**
   * FINRA 4210: {@code dayTrades} or more day trades within {@code businessDays} business days make
   * a margin customer a pattern day trader, who must keep {@code minimumEquity} in the account.
   */
  public record PatternDayTrader(
      int dayTrades, int businessDays, Money minimumEquity, Citation source) {}

  /**
   * Regulation D Rule 501(a) for natural persons: income above the individual or joint amount, or
   * net worth above the threshold excluding the primary residence.
   */
  public record AccreditedInvestor(
      Money incomeIndividual,
      Money incomeJoint,
      Money netWorthExcludingPrimaryResidence,
      Citation source) {}
}

package dev.finpilot.verification;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.math.BigDecimal;

/**
 * The household and investment thresholds the rules apply; the legal limits come from the
 * regulatory table instead. Defaults follow FinPilot's finance research (docs/verification-rules.md
 * gives each with its source).
 *
 * @param minSuccessProbability below this a plan is rejected (70%)
 * @param comfortableSuccessProbability below this, but at or above the minimum, a plan is
 *     conditional (85%)
 * @param emergencyFundMonths months of essential expenses an emergency fund should hold (3)
 * @param starterEmergencyFund cash a household keeps even while it pays down high-interest debt
 *     instead of building the full fund ($1,000)
 * @param frontEndDebtToIncomeMax housing cost over gross income (0.28)
 * @param backEndDebtToIncomeMax housing plus other debt payments over gross income (0.36)
 * @param backEndDebtToIncomeCeiling above this the plan is rejected unless it pays debt down faster
 *     than the minimums (0.43)
 * @param shortHorizonMonths goals due within this many months count as short-horizon (36)
 * @param shortHorizonMaxEquityShare the most equity a short-horizon goal may ride on (0.50)
 * @param equityCapTolerance equity exposure this far over the risk tolerance's cap is a warning;
 *     further over it is an error (0.10)
 * @param payrollTaxRate employee Social Security plus Medicare tax on wages (0.0765)
 */
public record VerificationPolicy(
    double minSuccessProbability,
    double comfortableSuccessProbability,
    BigDecimal emergencyFundMonths,
    Money starterEmergencyFund,
    BigDecimal frontEndDebtToIncomeMax,
    BigDecimal backEndDebtToIncomeMax,
    BigDecimal backEndDebtToIncomeCeiling,
    int shortHorizonMonths,
    BigDecimal shortHorizonMaxEquityShare,
    BigDecimal equityCapTolerance,
    BigDecimal payrollTaxRate) {

  private static final VerificationPolicy DEFAULTS =
      new VerificationPolicy(
          0.70,
          0.85,
          new BigDecimal("3"),
          Money.usd(1_000),
          new BigDecimal("0.28"),
          new BigDecimal("0.36"),
          new BigDecimal("0.43"),
          36,
          new BigDecimal("0.50"),
          new BigDecimal("0.10"),
          new BigDecimal("0.0765"));

  public VerificationPolicy {
    Validation v = new Validation();
    v.require(
        minSuccessProbability >= 0 && minSuccessProbability <= 1,
        "policy.minSuccessProbability",
        "must be between 0 and 1, was " + minSuccessProbability);
    v.require(
        comfortableSuccessProbability >= minSuccessProbability
            && comfortableSuccessProbability <= 1,
        "policy.comfortableSuccessProbability",
        "must be between minSuccessProbability and 1, was " + comfortableSuccessProbability);
    v.between(
        emergencyFundMonths, BigDecimal.ZERO, new BigDecimal("24"), "policy.emergencyFundMonths");
    v.nonNegative(starterEmergencyFund, "policy.starterEmergencyFund");
    v.between(
        frontEndDebtToIncomeMax, BigDecimal.ZERO, BigDecimal.ONE, "policy.frontEndDebtToIncomeMax");
    v.between(
        backEndDebtToIncomeMax, BigDecimal.ZERO, BigDecimal.ONE, "policy.backEndDebtToIncomeMax");
    if (backEndDebtToIncomeMax != null) {
      v.between(
          backEndDebtToIncomeCeiling,
          backEndDebtToIncomeMax,
          BigDecimal.ONE,
          "policy.backEndDebtToIncomeCeiling");
    }
    v.between(shortHorizonMonths, 0, 600, "policy.shortHorizonMonths");
    v.between(
        shortHorizonMaxEquityShare,
        BigDecimal.ZERO,
        BigDecimal.ONE,
        "policy.shortHorizonMaxEquityShare");
    v.between(equityCapTolerance, BigDecimal.ZERO, BigDecimal.ONE, "policy.equityCapTolerance");
    v.between(payrollTaxRate, BigDecimal.ZERO, BigDecimal.ONE, "policy.payrollTaxRate");
    v.throwIfInvalid();
  }

  public static VerificationPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * The same policy with another rejection threshold; the conditional band's upper edge is raised
   * to it if it would otherwise fall below.
   */
  public VerificationPolicy withMinSuccessProbability(double threshold) {
    return new VerificationPolicy(
        threshold,
        Math.max(threshold, comfortableSuccessProbability),
        emergencyFundMonths,
        starterEmergencyFund,
        frontEndDebtToIncomeMax,
        backEndDebtToIncomeMax,
        backEndDebtToIncomeCeiling,
        shortHorizonMonths,
        shortHorizonMaxEquityShare,
        equityCapTolerance,
        payrollTaxRate);
  }
}

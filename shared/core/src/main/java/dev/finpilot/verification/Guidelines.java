package dev.finpilot.verification;

import dev.finpilot.regulation.Citation;

/**
 * Sources of the household and investment rules, which are planning conventions rather than law.
 * Legal limits cite the regulatory table's sources instead.
 */
public final class Guidelines {

  public static final Citation EMERGENCY_FUND =
      new Citation(
          "guideline_emergency_fund",
          "planning guideline: an emergency fund of 3-6 months of essential expenses, a $1,000"
              + " starter fund first (FinPilot finance research, section 2.5)");

  public static final Citation DEBT_TO_INCOME =
      new Citation(
          "guideline_debt_to_income",
          "mortgage underwriting ratios: housing at most 28% and all debt payments at most 36% of"
              + " gross income; lenders stop at 43% back-end (Qualified Mortgage and FHA)"
              + " (FinPilot finance research, section 2.5)");

  public static final Citation RISK_TOLERANCE =
      new Citation(
          "guideline_risk_tolerance",
          "FinPilot risk-tolerance equity caps: conservative 40%, moderate 70%, aggressive 100%"
              + " (risk-questionnaire bands; Vanguard model portfolios, finance research section"
              + " 2.4)");

  public static final Citation SHORT_HORIZON =
      new Citation(
          "guideline_short_horizon",
          "goal-based allocation: money needed within 3 years should not rest mainly on equities,"
              + " whose worst calendar years lost 26% or more at a 60/40 mix (Vanguard model"
              + " portfolios, finance research section 2.4)");

  public static final Citation SUCCESS_PROBABILITY =
      new Citation(
          "guideline_success_probability",
          "Monte Carlo success thresholds: below 70% replan, 70-85% monitor, 85% and above pass"
              + " (Ellevest, practitioner guidance; FinPilot finance research, section 2.2)");

  private Guidelines() {}
}

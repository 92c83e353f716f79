package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTextTest {
  private static final String PLAN =
      """
      {"planId": "p-1", "status": "AWAITING_APPROVAL", "activeVersion": 1, "pendingVersion": 2,
       "statusReason": "version 2 passed verification and awaits its owner's approval",
       "version": {
         "number": 2,
         "plan": {
           "strategy": "GROWTH",
           "contributions": [{"account": "EMPLOYER_401K",
                              "monthlyAmount": {"amount": 652.5, "currency": "USD"}}],
           "debtPayments": [{"debtName": "Visa", "order": 1,
                             "monthlyAmount": {"amount": 251.16, "currency": "USD"}}],
           "steps": [{"date": "2027-01-01", "action": "Set up $652.50 a month to the 401(k)"}]
         },
         "projection": {"goal": "Retire at 60", "years": 1, "paths": 1000, "model": "bootstrap",
                        "successProbability": 0.8, "reportBasis": "TODAYS_DOLLARS",
                        "targetAmount": {"amount": 200000, "currency": "USD"},
                        "bands": [{"year": 0, "age": 35, "p10": 1, "p25": 2, "p50": 3, "p75": 4, "p90": 5},
                                  {"year": 1, "age": 36, "p10": 1, "p25": 2, "p50": 3, "p75": 4, "p90": 5}]},
         "reasoning": {"score": 0.72, "candidates": [
           {"strategy": "GROWTH", "status": "CHOSEN", "score": 0.72, "successProbability": 0.8,
            "outcome": "CONDITIONAL", "reason": "the highest score"},
           {"strategy": "AGGRESSIVE", "status": "PRUNED", "reason": "allows at most 70% equities"}]},
         "verification": {"taxYear": 2026, "outcome": "CONDITIONAL", "checksRun": 13,
           "checksPassed": 12, "findings": [
             {"code": "LOW_SUCCESS_PROBABILITY", "severity": "WARNING",
              "message": "success 80.0% is below 85.0%", "source": {"key": "guideline"},
              "remediation": "Approve with monitoring."}]}
       }}
      """;

  @Test
  void aPlanReadsAsItsStatusStrategyAmountsStepsFindingsAlternativesAndChart() {
    List<String> lines = PlanText.plan(JsonText.read(PLAN));

    assertThat(lines.get(0))
        .isEqualTo(
            "Plan p-1: AWAITING_APPROVAL, version 1 in force, version 2 awaits your approval");
    assertThat(lines)
        .contains(
            "Version 2: strategy GROWTH, score 0.720, success 80.0%",
            "  why: the highest score",
            "  to EMPLOYER_401K                    $652.50",
            "  to Visa                             $251.16  (payoff order 1)",
            "  2027-01-01  Set up $652.50 a month to the 401(k)",
            "Verification: CONDITIONAL, 12 of 13 checks passed (tax year 2026)",
            "  WARNING LOW_SUCCESS_PROBABILITY [guideline]",
            "    success 80.0% is below 85.0%",
            "    fix: Approve with monitoring.",
            "  GROWTH         chosen   score 0.720  success  80.0%  CONDITIONAL",
            "  AGGRESSIVE     pruned",
            "      allows at most 70% equities");
    assertThat(lines).anyMatch(l -> l.contains("- target $200k"));
  }

  @Test
  void aPlanStillBeingMadeShowsNoVersion() {
    List<String> lines =
        PlanText.plan(
            JsonText.read("{\"planId\":\"p-2\",\"status\":\"PLANNING\",\"activeVersion\":0}"));

    assertThat(lines).containsExactly("Plan p-2: PLANNING");
  }
}

package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.ContributionRoom.LimitGroup;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RepairsTest {

  private static final Budget BUDGET = Drafts.budget(new Households().request());

  private static Repairs.Repair repair(String code, String severity, String message, int level) {
    return Repairs.forFinding(
            new FindingToResolve(code, severity, message), Adjustments.NONE, level, BUDGET)
        .orElseThrow();
  }

  @Test
  void contributionFindingsCapTheNamedGroupAtTheCitedLimit() {
    Repairs.Repair ira =
        repair(
            "MAX_CONTRIBUTION_EXCEEDED",
            "ERROR",
            "Annual IRA contributions (traditional + Roth) of $100,000.00 exceed the 2025 limit"
                + " of $7,000.00 for age 40 by December 31",
            1);
    assertThat(ira.adjustments().limits().annualCaps())
        .containsEntry(LimitGroup.IRA, Money.usd(7_000));
    assertThat(ira.adjustments().limits().noCatchUp()).isFalse();
    Repairs.Repair hsa =
        repair(
            "MAX_CONTRIBUTION_EXCEEDED",
            "ERROR",
            "HSA contributions of $4,000.00 a year are not allowed without HDHP coverage; the 2025"
                + " limit without it is $0.00",
            2);
    assertThat(hsa.adjustments().limits().annualCaps())
        .containsEntry(LimitGroup.HSA, Money.zeroUsd());
    assertThat(hsa.adjustments().limits().noCatchUp()).isTrue();
    Repairs.Repair vague = repair("MAX_CONTRIBUTION_EXCEEDED", "ERROR", "too much", 1);
    assertThat(vague.adjustments().limits().annualCaps()).isEmpty();
    assertThat(vague.adjustments().limits().noCatchUp()).isTrue();
    assertThat(Repairs.group("Annual 401(k)/403(b) elective deferrals of $1"))
        .contains(LimitGroup.EMPLOYER_PLAN);
    assertThat(Repairs.citedLimit("exceed the 2026 limit of $24,500.00 for age 40"))
        .contains(Money.usd(24_500));
  }

  @Test
  void laterRoundsEscalate() {
    assertThat(repair("RISK_TOLERANCE_MISMATCH", "ERROR", "", 1).adjustments().equity().cut())
        .isEqualByComparingTo("0.05");
    assertThat(repair("RISK_TOLERANCE_MISMATCH", "ERROR", "", 3).adjustments().equity().cut())
        .isEqualByComparingTo("0.15");
    assertThat(
            repair("EMERGENCY_FUND_LOW", "ERROR", "", 1)
                .adjustments()
                .emergencyFund()
                .extraMonths())
        .isZero();
    assertThat(
            repair("EMERGENCY_FUND_LOW", "ERROR", "", 3)
                .adjustments()
                .emergencyFund()
                .extraMonths())
        .isEqualTo(2);
    Money cut1 = repair("CASH_FLOW_NEGATIVE", "ERROR", "", 1).adjustments().budget().monthlyCut();
    Money cut2 = repair("CASH_FLOW_NEGATIVE", "ERROR", "", 2).adjustments().budget().monthlyCut();
    assertThat(cut2).isGreaterThan(cut1);
  }

  @Test
  void householdFactsAndExhaustedRepairsHaveNoRepair() {
    FindingToResolve warning = new FindingToResolve("DEBT_TO_INCOME_HIGH", "WARNING", "");
    assertThat(Repairs.forFinding(warning, Adjustments.NONE, 1, BUDGET)).isEmpty();
    assertThat(Repairs.forFinding(warning, Adjustments.NONE, 2, BUDGET)).isPresent();
    FindingToResolve low = new FindingToResolve("LOW_SUCCESS_PROBABILITY", "ERROR", "");
    assertThat(Repairs.forFinding(low, Adjustments.NONE.withNoCushion(), 1, BUDGET)).isEmpty();
    Households broke = new Households();
    broke.income = Money.usd(30_000);
    FindingToResolve cash = new FindingToResolve("CASH_FLOW_NEGATIVE", "ERROR", "");
    assertThat(Repairs.forFinding(cash, Adjustments.NONE, 1, Drafts.budget(broke.request())))
        .isEmpty();
    assertThat(Repairs.isSevere("CRITICAL")).isTrue();
    assertThat(Repairs.isSevere(null)).isFalse();
  }

  @Test
  void adjustmentsOnlyEverTighten() {
    Adjustments a =
        Adjustments.NONE
            .withEquityCut(new BigDecimal("0.10"))
            .withEquityCut(new BigDecimal("0.05"))
            .withAnnualCap(LimitGroup.IRA, Money.usd(5_000))
            .withAnnualCap(LimitGroup.IRA, Money.usd(6_000))
            .withMonthlyCut(Money.usd(50))
            .withMonthlyCut(Money.usd(20))
            .withAvoidRoth()
            .withNoCatchUp()
            .withShortGoalEquityCap()
            .withPayDownAllDebt()
            .withNoCushion()
            .withEmergencyFundFirst(1);
    assertThat(a.equity().cut()).isEqualByComparingTo("0.10");
    assertThat(a.limits().annualCaps()).containsEntry(LimitGroup.IRA, Money.usd(5_000));
    assertThat(a.budget().monthlyCut()).isEqualTo(Money.usd(50));
    assertThat(a.limits().avoidRoth() && a.limits().noCatchUp() && a.equity().shortGoalCap())
        .isTrue();
    assertThat(a.payDownAllDebt() && a.budget().noCushion() && a.emergencyFund().first()).isTrue();
    assertThat(a.emergencyFund().extraMonths()).isEqualTo(1);
  }
}

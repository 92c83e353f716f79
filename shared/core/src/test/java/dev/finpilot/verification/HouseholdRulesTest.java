package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Emergency fund, debt-to-income and cash flow: the household's capacity to carry a plan. */
class HouseholdRulesTest {

  @Nested
  class EmergencyFund {
    private final EmergencyFundRule rule = new EmergencyFundRule();

    @ParameterizedTest(name = "cash {0} -> {1}")
    @CsvSource({"9000.00, NONE", "8999.99, ERROR", "3000.00, ERROR", "0, ERROR"})
    void cashAgainstThreeMonthsOfEssentials(String cash, String expected) {
      Scenario s = new Scenario().balance(AccountType.CASH, Money.usd(cash));
      List<Finding> findings = s.run(rule).findings();
      if (expected.equals("NONE")) {
        assertThat(findings).isEmpty();
      } else {
        assertThat(findings)
            .singleElement()
            .extracting(Finding::severity)
            .isEqualTo(Severity.valueOf(expected));
      }
    }

    @Test
    void evidenceIsMonthsCoveredAgainstTheGuideline() {
      Finding f = new Scenario().cash(2_000).run(rule).findings().get(0);
      assertThat(f.code()).isEqualTo(RuleCode.EMERGENCY_FUND_LOW);
      assertThat(f.evidence().actual()).isEqualByComparingTo("0.66");
      assertThat(f.evidence().limit()).isEqualByComparingTo("3");
      assertThat(f.evidence().unit()).isEqualTo(Evidence.Unit.MONTHS);
      assertThat(f.accounts()).containsExactly(AccountType.CASH);
      assertThat(f.message())
          .contains("covers 0.6 months")
          .contains("3-month guideline of $9,000.00")
          .contains("plan sends nothing to cash")
          .contains("tax year 2025; source: planning guideline");
      assertThat(f.remediation()).contains("$7,000.00 more");
    }

    @ParameterizedTest(name = "cash {0}, card payment {1} at APR {2} -> {3}")
    @CsvSource({
      "1000.00, 300, 0.22, WARNING",
      "999.99, 300, 0.22, ERROR",
      "5000.00, 100, 0.22, ERROR",
      "5000.00, 300, 0.08, ERROR"
    })
    void highInterestDebtMayComeBeforeTheFullFundOnceTheStarterFundIsThere(
        String cash, long payment, String apr, String expected) {
      Scenario s = new Scenario().balance(AccountType.CASH, Money.usd(cash));
      s.debts.add(
          new Debt("card", DebtKind.CREDIT_CARD, usd(6_000), new BigDecimal(apr), usd(100)));
      s.debtPayments.add(new DebtPayment("card", usd(payment), 1));
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.valueOf(expected));
      if (f.severity() == Severity.WARNING) {
        assertThat(f.message()).contains("pays down high-interest debt first");
        assertThat(f.remediation()).startsWith("Once the high-interest debt is paid");
      }
    }

    @Test
    void aFundBeingBuiltIsOnlyANote() {
      Scenario s = new Scenario().cash(2_000).contribute(AccountType.CASH, usd(500));
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.INFO);
      assertThat(f.message()).contains("closes the gap in 14 months");
      assertThat(s.run(rule).passed()).isTrue();
    }

    @Test
    void planTargetBelowTheGuidelineIsAWarning() {
      Scenario s = new Scenario();
      s.emergencyFundTarget = Money.usd("8999.99");
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().limit()).isEqualByComparingTo("9000");
      assertThat(f.remediation()).contains("at least $9,000.00");
      s.emergencyFundTarget = usd(9_000);
      assertThat(s.run(rule).findings()).isEmpty();
    }

    @Test
    void monthsComeFromThePolicyAndNoEssentialsMeansNothingToCover() {
      Scenario s = new Scenario();
      s.policy =
          new VerificationPolicy(
              0.7,
              0.85,
              new BigDecimal("6"),
              Money.usd(1_000),
              new BigDecimal("0.28"),
              new BigDecimal("0.36"),
              new BigDecimal("0.43"),
              36,
              new BigDecimal("0.5"),
              new BigDecimal("0.1"),
              new BigDecimal("0.0765"));
      s.emergencyFundTarget = usd(18_000);
      assertThat(s.run(rule).findings())
          .singleElement()
          .satisfies(f -> assertThat(f.evidence().limit()).isEqualByComparingTo("6"));
      Scenario none = new Scenario().cash(0);
      none.essential = usd(0);
      none.housing = usd(0);
      assertThat(none.run(rule).findings()).isEmpty();
    }
  }

  @Nested
  class DebtToIncome {
    private final DebtToIncomeRule rule = new DebtToIncomeRule();

    private Scenario household(long housing, long otherMinimums) {
      Scenario s = new Scenario();
      s.income = usd(120_000);
      s.essential = usd(Math.max(3_000, housing));
      s.housing = usd(housing);
      if (otherMinimums > 0) {
        s.debt("car", DebtKind.AUTO_LOAN, 40_000, otherMinimums);
      }
      return s;
    }

    @ParameterizedTest(name = "housing {0} + other {1} -> {2}")
    @CsvSource({
      "2000, 1600, NONE",
      "2000, 1601, WARNING",
      "2000, 2300, WARNING",
      "2000, 2301, ERROR",
      "2500, 2000, ERROR"
    })
    void backEndRatioAgainstThirtySixAndFortyThreePercent(
        long housing, long other, String expected) {
      List<Finding> findings =
          household(housing, other).run(rule).findings().stream()
              .filter(f -> f.evidence().measure().startsWith("back-end"))
              .toList();
      if (expected.equals("NONE")) {
        assertThat(findings).isEmpty();
      } else {
        assertThat(findings)
            .singleElement()
            .extracting(Finding::severity)
            .isEqualTo(Severity.valueOf(expected));
      }
    }

    @Test
    void payingDownFasterThanTheMinimumsKeepsAHighRatioAWarning() {
      Scenario s = household(2_500, 2_000);
      s.debtPayments.add(new DebtPayment("car", usd(2_500), 1));
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.WARNING);
      assertThat(f.evidence().actual()).isEqualByComparingTo("0.45");
      assertThat(f.message())
          .contains("45.0% of gross monthly income")
          .contains("43.0% lending ceiling");
    }

    @ParameterizedTest(name = "housing {0} -> front-end finding {1}")
    @CsvSource({"2800, false", "2801, true"})
    void frontEndRatioAgainstTwentyEightPercent(long housing, boolean flagged) {
      List<Finding> findings =
          household(housing, 0).run(rule).findings().stream()
              .filter(f -> f.evidence().measure().startsWith("front-end"))
              .toList();
      assertThat(findings).hasSize(flagged ? 1 : 0);
      if (flagged) {
        assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(findings.get(0).remediation()).contains("$2,800.00 a month");
      }
    }

    @Test
    void aMortgageIsNotCountedTwice() {
      Scenario s = household(2_500, 0);
      s.debt("mortgage", DebtKind.MORTGAGE, 300_000, 2_500);
      assertThat(s.run(rule).findings()).isEmpty();
      Scenario noExpense = household(0, 0);
      noExpense.debt("mortgage", DebtKind.MORTGAGE, 300_000, 2_900);
      assertThat(noExpense.run(rule).findings())
          .extracting(f -> f.evidence().measure())
          .containsExactly("front-end (housing) ratio");
    }

    @Test
    void paymentsWithoutIncomeAreRejected() {
      Scenario s = household(1_000, 500);
      s.income = usd(0);
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence().actual()).isEqualByComparingTo("1");
    }
  }

  @Nested
  class CashFlow {
    private final CashFlowRule rule = new CashFlowRule();

    @Test
    void disposableIncomeUsesTheYearsBracketsAndPayrollTax() {
      VerificationContext ctx = new Scenario().context();
      // 90,000 - 15,750 = 74,250 taxable: 1,192.50 + 4,386.00 + 5,670.50
      assertThat(ctx.annualIncomeTax()).isEqualTo(usd(11_249));
      assertThat(ctx.annualPayrollTax()).isEqualTo(usd(6_885));
      // (90,000 - 11,249 - 6,885) / 12 - 4,000
      assertThat(ctx.monthlyDisposableIncome()).isEqualTo(Money.usd("1988.83"));
      Scenario s2026 = new Scenario();
      s2026.taxYear = 2026;
      s2026.asOf = s2026.asOf.plusYears(1);
      assertThat(s2026.context().annualIncomeTax()).isLessThan(ctx.annualIncomeTax());
    }

    @Test
    void savingExactlyTheDisposableIncomePassesOneDollarMoreFails() {
      Scenario s = new Scenario().contribute(AccountType.TAXABLE_BROKERAGE, Money.usd("1988.83"));
      RuleResult exact = s.run(rule);
      assertThat(exact.findings()).isEmpty();
      assertThat(exact.confidence()).isEqualTo(CashFlowRule.NEAR_CONFIDENCE);
      s.contribute(AccountType.CASH, usd(1));
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.code()).isEqualTo(RuleCode.CASH_FLOW_NEGATIVE);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence().actual()).isEqualByComparingTo("1989.83");
      assertThat(f.evidence().limit()).isEqualByComparingTo("1988.83");
      assertThat(f.message()).contains("2025 brackets, SINGLE").contains("Rev. Proc. 2024-40");
      assertThat(f.remediation()).contains("at least $1.00");
    }

    @Test
    void householdInDeficitIsNamedAsSuch() {
      Scenario s = new Scenario();
      s.discretionary = usd(8_000);
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.message())
          .startsWith("Expenses exceed income after estimated federal income tax");
    }

    @Test
    void debtOutflowCountsMinimumsOnceAndMortgageExtrasOnly() {
      Scenario s =
          new Scenario()
              .debt("card", DebtKind.CREDIT_CARD, 5_000, 150)
              .debt("loan", DebtKind.STUDENT_LOAN, 20_000, 250)
              .debt("mortgage", DebtKind.MORTGAGE, 200_000, 1_500);
      s.debtPayments.add(new DebtPayment("card", usd(400), 1));
      s.debtPayments.add(new DebtPayment("mortgage", usd(1_700), 2));
      s.debtPayments.add(new DebtPayment("friend", usd(50), 3));
      Plan plan = s.plan();
      // card 400 (above its minimum) + loan 250 (minimum, unplanned) + mortgage 200 extra + 50
      assertThat(CashFlowRule.debtOutflow(plan, s.state().debts())).isEqualTo(usd(900));
    }

    @Test
    void approximateScheduleLowersConfidence() {
      Scenario s = new Scenario();
      s.status = FilingStatus.HEAD_OF_HOUSEHOLD;
      assertThat(s.run(rule).confidence()).isEqualTo(CashFlowRule.APPROXIMATE_SCHEDULE_CONFIDENCE);
      s.discretionary = usd(8_000);
      assertThat(s.run(rule).findings().get(0).message()).contains("using the SINGLE schedule");
    }
  }
}

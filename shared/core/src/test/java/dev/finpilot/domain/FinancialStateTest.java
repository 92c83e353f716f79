package dev.finpilot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinancialStateTest {

  static FinancialState typical() {
    return new FinancialState(
        35,
        FilingStatus.SINGLE,
        Money.usd(90_000),
        new MonthlyExpenses(Money.usd(3_000), Money.usd(1_000), Money.usd(1_500)),
        List.of(
            new Account("cash", AccountType.CASH, Money.usd(12_000)),
            new Account("k", AccountType.EMPLOYER_401K, Money.usd(40_000))),
        new EmployerMatch(new BigDecimal("0.50"), new BigDecimal("0.06")),
        List.of(
            new Debt(
                "visa",
                DebtKind.CREDIT_CARD,
                Money.usd(5_000),
                new BigDecimal("0.229"),
                Money.usd(150))),
        0,
        RiskTolerance.MODERATE,
        65,
        HsaCoverage.SELF_ONLY);
  }

  @Test
  void aTypicalStateIsValidAndSummarises() {
    FinancialState s = typical();
    assertThat(s.validate()).isEmpty();
    assertThat(s.monthlyGrossIncome()).isEqualTo(Money.usd(7_500));
    assertThat(s.totalAssets()).isEqualTo(Money.usd(52_000));
    assertThat(s.investedAssets()).isEqualTo(Money.usd(40_000));
    assertThat(s.netWorth()).isEqualTo(Money.usd(47_000));
    assertThat(s.balance(AccountType.CASH)).isEqualTo(Money.usd(12_000));
    assertThat(s.minimumDebtPayments()).isEqualTo(Money.usd(150));
    assertThat(s.yearsToRetirement()).isEqualTo(30);
    assertThat(s.debts().get(0).isHighInterest()).isTrue();
    assertThat(s.employerMatch().monthlyDeferralForFullMatch(s.annualIncome()))
        .isEqualTo(Money.usd(450));
    assertThat(s.employerMatch().monthlyMatchAtFullDeferral(s.annualIncome()))
        .isEqualTo(Money.usd(225));
  }

  @Test
  void validationNamesEveryBadField() {
    FinancialState bad =
        new FinancialState(
            12,
            null,
            Money.usd(-1),
            new MonthlyExpenses(Money.usd(1_000), Money.usd(0), Money.usd(2_000)),
            List.of(new Account("cash", AccountType.CASH, Money.usd(-5))),
            null,
            List.of(
                new Debt("", DebtKind.OTHER, Money.usd(1), new BigDecimal("1.5"), Money.usd(0))),
            0,
            null,
            60,
            null);
    assertThat(bad.validate())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "age",
            "filingStatus",
            "annualIncome",
            "expenses.housing",
            "accounts[0].balance",
            "debts[0].name",
            "debts[0].apr",
            "riskTolerance");
  }

  @Test
  void goalsOverFiftyYearsOrInThePastAreRefused() {
    LocalDate asOf = LocalDate.of(2026, 1, 1);
    Goal tooFar = new Goal(GoalType.RETIREMENT, Money.usd(1), null, asOf.plusYears(51), 1, "far");
    Goal past = new Goal(GoalType.SAVINGS, Money.usd(0), null, asOf.minusDays(1), 0, null);
    assertThat(tooFar.validate("g", asOf))
        .extracting(FieldError::message)
        .containsExactly("horizon must not exceed 50 years");
    assertThat(past.validate("g", asOf))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("g.targetAmount", "g.targetDate", "g.priority");
    assertThat(tooFar.horizonMonths(asOf)).isEqualTo(612);
  }

  @Test
  void planningRequestRequiresGoals() {
    PlanningRequest r = new PlanningRequest(typical(), List.of(), 2026, LocalDate.of(2026, 1, 1));
    assertThat(r.validate()).extracting(FieldError::field).containsExactly("goals");
  }
}

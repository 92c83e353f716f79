package dev.finpilot.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.Withdrawal;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VerificationProperties {

  private static final Verifier VERIFIER = Verifier.standard();

  @Property(tries = 300)
  void reportNumbersStayInRange(@ForAll("scenarios") Scenario s) {
    VerificationReport report = VERIFIER.verify(s.plan(), s.request());
    assertThat(report.riskScore()).isBetween(0.0, 1.0);
    assertThat(report.confidence()).isBetween(0.0, 1.0);
    assertThat(report.checksPassed()).isBetween(0, report.checksRun());
    assertThat(report.outcome()).isEqualTo(Outcome.of(report.findings()));
    assertThat(report.riskScore() == 0.0).isEqualTo(report.violations().isEmpty());
    assertThat(report.findings())
        .allSatisfy(f -> assertThat(f.message()).contains("tax year " + s.taxYear));
  }

  @Property(tries = 100)
  void verificationIsDeterministic(@ForAll("scenarios") Scenario s) {
    assertThat(VERIFIER.verify(s.plan(), s.request()))
        .isEqualTo(VERIFIER.verify(s.plan(), s.request()));
  }

  @Property(tries = 200)
  void contributingLessNeverAddsAContributionViolation(
      @ForAll("scenarios") Scenario s, @ForAll("accountTypes") AccountType type) {
    boolean before = VERIFIER.verify(s.plan(), s.request()).has(RuleCode.MAX_CONTRIBUTION_EXCEEDED);
    s.contributions.removeIf(c -> c.account() == type);
    boolean after = VERIFIER.verify(s.plan(), s.request()).has(RuleCode.MAX_CONTRIBUTION_EXCEEDED);
    assertThat(!before && after).isFalse();
  }

  @Provide
  Arbitrary<AccountType> accountTypes() {
    return Arbitraries.of(AccountType.class);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Integer> ages = Arbitraries.integers().between(18, 90);
    Arbitrary<Long> incomes = Arbitraries.longs().between(0, 600_000);
    Arbitrary<Long> cash = Arbitraries.longs().between(0, 100_000);
    Arbitrary<Long> essentials = Arbitraries.longs().between(0, 12_000);
    Arbitrary<Long> contributions = Arbitraries.longs().between(0, 5_000);
    Arbitrary<Integer> equityPercent = Arbitraries.integers().between(0, 100);
    Arbitrary<Integer> leverageTenths = Arbitraries.integers().between(10, 30);
    Arbitrary<Double> success = Arbitraries.doubles().between(0, 1);
    Arbitrary<Integer> dayTrades = Arbitraries.integers().between(0, 8);
    Arbitrary<Long> debtMinimum = Arbitraries.longs().between(0, 4_000);
    Arbitrary<Integer> withdrawalAge = Arbitraries.integers().between(18, 80);
    return Combinators.combine(
            List.of(
                ages.map(Long::valueOf),
                incomes,
                cash,
                essentials,
                contributions,
                contributions,
                contributions,
                equityPercent.map(Long::valueOf),
                leverageTenths.map(Long::valueOf),
                dayTrades.map(Long::valueOf),
                debtMinimum,
                withdrawalAge.map(Long::valueOf)))
        .as(values -> values)
        .flatMap(
            v ->
                Combinators.combine(
                        Arbitraries.of(FilingStatus.class),
                        Arbitraries.of(RiskTolerance.class),
                        Arbitraries.of(HsaCoverage.class),
                        Arbitraries.of(Withdrawal.PenaltyException.class),
                        success,
                        Arbitraries.of(2025, 2026),
                        Arbitraries.integers().between(1, 120))
                    .as(
                        (status, risk, hsa, exception, p, year, goalMonths) ->
                            build(v, status, risk, hsa, exception, p, year, goalMonths)));
  }

  private static Scenario build(
      List<Long> v,
      FilingStatus status,
      RiskTolerance risk,
      HsaCoverage hsa,
      Withdrawal.PenaltyException exception,
      double p,
      int year,
      int goalMonths) {
    Scenario s = new Scenario();
    s.age = v.get(0).intValue();
    s.income = Money.usd(v.get(1));
    s.cash(v.get(2));
    s.essential = Money.usd(v.get(3));
    s.housing = Money.usd(v.get(3) / 2);
    s.contribute(AccountType.ROTH_IRA, Money.usd(v.get(4) / 4));
    s.contribute(AccountType.EMPLOYER_401K, Money.usd(v.get(5)));
    s.contribute(AccountType.HSA, Money.usd(v.get(6) / 10));
    s.equity(BigDecimal.valueOf(v.get(7), 2).toPlainString());
    s.leverage = BigDecimal.valueOf(v.get(8), 1);
    s.dayTradesPerWeek = v.get(9).intValue();
    if (v.get(10) > 0) {
      s.debt("card", DebtKind.CREDIT_CARD, 10_000, v.get(10));
    }
    s.withdraw(AccountType.TRADITIONAL_IRA, 3_000, v.get(11).intValue(), exception);
    s.status = status;
    s.risk = risk;
    s.hsa = hsa;
    s.successProbability = p;
    s.taxYear = year;
    s.asOf = java.time.LocalDate.of(year, 4, 1);
    s.goal(GoalType.HOME_PURCHASE, 60_000, s.asOf.plusMonths(goalMonths));
    s.privatePlacements = v.get(2) % 3 == 0 ? Money.usd(100_000) : Money.zeroUsd();
    return s;
  }
}

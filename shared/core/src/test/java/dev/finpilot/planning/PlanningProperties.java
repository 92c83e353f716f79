package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the planner over random valid households. */
class PlanningProperties {

  private static final Planner PLANNER = new Planner();
  private static final Verifier VERIFIER = Verifier.standard();
  private static final PlanningOptions QUICK = PlanningOptions.defaults().withPaths(300);

  @Property(tries = 100)
  void scoresAndConfidencesStayInTheUnitInterval(@ForAll("households") Households h) {
    PlanningResult result = PLANNER.plan(h.request(), QUICK);
    assertThat(result.score()).isBetween(0.0, 1.0);
    assertThat(result.confidence()).isBetween(0.0, 1.0);
    assertThat(result.plan().successProbability()).isBetween(0.0, 1.0);
    for (Candidate c : result.candidates()) {
      if (c.score() != null) {
        assertThat(c.score()).isBetween(0.0, 1.0);
        assertThat(c.successProbability()).isBetween(0.0, 1.0);
      }
    }
    for (ReasoningTrace.Node n : result.trace().nodes()) {
      if (n.score() != null) {
        assertThat(n.score()).isBetween(0.0, 1.0);
      }
    }
  }

  @Property(tries = 100)
  void theChosenPlanNeverCommitsMoreThanTheSurplus(@ForAll("households") Households h) {
    PlanningRequest request = h.request();
    PlanningResult result = PLANNER.plan(request, QUICK);
    Plan plan = result.plan();
    Money extraDebt = Money.zeroUsd();
    for (DebtPayment p : plan.debtPayments()) {
      Debt debt =
          request.state().debts().stream()
              .filter(d -> d.name().equals(p.debtName()))
              .findFirst()
              .orElseThrow();
      assertThat(p.monthlyAmount()).isGreaterThanOrEqualTo(debt.minimumPayment());
      extraDebt = extraDebt.plus(p.monthlyAmount().minus(debt.minimumPayment()));
    }
    Money committed = plan.totalMonthlySaving().plus(extraDebt);
    assertThat(committed).isLessThanOrEqualTo(result.monthlySurplus().max(Money.zeroUsd()));
    VerificationReport report = VERIFIER.verify(plan, request);
    if (result.monthlySurplus().isPositive()) {
      assertThat(report.has(RuleCode.CASH_FLOW_NEGATIVE)).isFalse();
    }
  }

  @Property(tries = 100)
  void noStrategyBreaksALegalLimitOrTheRiskCap(@ForAll("households") Households h) {
    PlanningRequest request = h.request();
    for (Strategy s : Strategy.values()) {
      Plan plan = Drafts.of(request, s).plan();
      VerificationReport report = VERIFIER.verify(plan.withSuccessProbability(1.0), request);
      assertThat(report.has(RuleCode.MAX_CONTRIBUTION_EXCEEDED)).as("%s", s).isFalse();
      assertThat(report.has(RuleCode.ROTH_INCOME_LIMIT)).as("%s", s).isFalse();
      for (GlidePath.Point p : plan.glidePath().points()) {
        assertThat(p.allocation().equityShare()).isLessThanOrEqualTo(h.risk.maxEquityShare());
      }
    }
  }

  @Property(tries = 100)
  void aLaterBucketIsFundedOnlyWhenEveryEarlierOneIsFull(@ForAll("households") Households h) {
    PlanningRequest request = h.request();
    for (Strategy s : Strategy.values()) {
      List<Slice> slices = Drafts.of(request, s).waterfall().slices();
      for (int i = 0; i < slices.size(); i++) {
        int at = i;
        boolean laterFunded =
            slices.subList(i + 1, slices.size()).stream().anyMatch(x -> x.monthly().isPositive());
        if (laterFunded) {
          assertThat(slices.get(at).full()).as("%s %s", s, slices.get(at)).isTrue();
        }
      }
    }
  }

  @Provide
  Arbitrary<Households> households() {
    Arbitrary<Integer> ages = Arbitraries.integers().between(22, 64);
    Arbitrary<Integer> incomes = Arbitraries.integers().between(15, 400).map(k -> k * 1_000);
    Arbitrary<Integer> essentials = Arbitraries.integers().between(8, 80).map(h -> h * 100);
    Arbitrary<Integer> discretionary = Arbitraries.integers().between(0, 30).map(h -> h * 100);
    Arbitrary<Integer> cash = Arbitraries.integers().between(0, 60).map(k -> k * 1_000);
    Arbitrary<Integer> cardBalance = Arbitraries.integers().between(0, 20).map(k -> k * 1_000);
    Arbitrary<Integer> loanBalance = Arbitraries.integers().between(0, 40).map(k -> k * 1_000);
    Arbitrary<RiskTolerance> risk = Arbitraries.of(RiskTolerance.class);
    Arbitrary<HsaCoverage> hsa = Arbitraries.of(HsaCoverage.class);
    Arbitrary<FilingStatus> status =
        Arbitraries.of(FilingStatus.SINGLE, FilingStatus.MARRIED_FILING_JOINTLY);
    Arbitrary<Integer> dependents = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> taxYear = Arbitraries.of(2025, 2026);
    Arbitrary<Integer> homeYears = Arbitraries.integers().between(0, 8);
    return Combinators.combine(
            List.of(
                ages,
                incomes,
                essentials,
                discretionary,
                cash,
                cardBalance,
                loanBalance,
                risk.map(Enum::ordinal),
                hsa.map(Enum::ordinal),
                status.map(Enum::ordinal),
                dependents,
                taxYear,
                homeYears))
        .as(
            values -> {
              Households h = new Households().noDebts().cash(values.get(4));
              h.age = values.get(0);
              h.income = Money.usd(values.get(1));
              h.essential = Money.usd(values.get(2));
              h.housing = Money.usd(values.get(2) / 2);
              h.discretionary = Money.usd(values.get(3));
              if (values.get(5) > 0) {
                h.debts.add(
                    Households.debt(
                        "card",
                        DebtKind.CREDIT_CARD,
                        values.get(5),
                        "0.24",
                        Math.max(25, values.get(5) / 40)));
              }
              if (values.get(6) > 0) {
                h.debts.add(
                    Households.debt(
                        "loan",
                        DebtKind.STUDENT_LOAN,
                        values.get(6),
                        "0.05",
                        Math.max(50, values.get(6) / 100)));
              }
              h.risk = RiskTolerance.values()[values.get(7)];
              h.hsa = HsaCoverage.values()[values.get(8)];
              h.status = FilingStatus.values()[values.get(9)];
              h.dependents = values.get(10);
              h.taxYear = values.get(11);
              h.asOf = h.asOf.withYear(values.get(11));
              if (values.get(0) % 3 == 0) {
                h.match = EmployerMatch.NONE;
                h.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
              } else {
                h.match = new EmployerMatch(new BigDecimal("1.00"), new BigDecimal("0.04"));
              }
              h.accounts.add(
                  new Account(
                      "brokerage", AccountType.TAXABLE_BROKERAGE, Money.usd(values.get(4) / 2)));
              h.goals.clear();
              h.goal(
                  GoalType.RETIREMENT,
                  Math.max(200_000, values.get(1) * 12L),
                  h.asOf.plusYears(Math.max(3, 65 - h.age)),
                  values.get(12) % 2 == 0 ? 1 : 2,
                  "retire");
              if (values.get(12) > 0) {
                h.goal(
                    GoalType.HOME_PURCHASE,
                    values.get(1) / 2,
                    h.asOf.plusYears(values.get(12)),
                    values.get(12) % 2 == 0 ? 2 : 1,
                    "home");
              }
              return h;
            });
  }
}

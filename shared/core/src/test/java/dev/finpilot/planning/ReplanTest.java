package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.Severity;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replanning against findings from a bad plan: the replanned plan, verified again, no longer has
 * the finding it was asked to resolve.
 */
class ReplanTest {

  private static final Verifier VERIFIER = Verifier.standard();

  private static Plan handmade(
      List<Contribution> contributions, String equity, PlanningRequest request) {
    List<DebtPayment> payments = new ArrayList<>();
    for (Debt d : request.state().debts()) {
      payments.add(new DebtPayment(d.name(), d.minimumPayment(), payments.size() + 1));
    }
    BigDecimal rest = BigDecimal.ONE.subtract(new BigDecimal(equity));
    return new Plan(
        "handmade",
        contributions,
        payments,
        DebtPayoffMethod.AVALANCHE,
        Money.usd(10_000),
        GlidePath.constant(18, Allocation.of(equity, rest.toPlainString(), "0")),
        List.of(),
        List.of(),
        BigDecimal.ONE,
        0,
        Money.zeroUsd(),
        0.90);
  }

  /** Verifies the bad plan, hands its findings of one code to the planner and re-verifies. */
  private static PlanningResult resolve(PlanningRequest request, Plan bad, RuleCode code) {
    VerificationReport before = VERIFIER.verify(bad, request);
    assertThat(before.has(code)).as("the bad plan must trip %s", code).isTrue();
    List<FindingToResolve> findings =
        before.findings(code).stream()
            .filter(Finding::isViolation)
            .map(FindingToResolve::of)
            .toList();
    PlanningResult result = PlannerTest.PLANNER.replan(request, findings, 2, PlannerTest.FAST);
    VerificationReport after = VERIFIER.verify(result.plan(), request);
    assertThat(after.has(code)).as("%s after replanning: %s", code, after.findings()).isFalse();
    assertThat(result.round()).isEqualTo(2);
    ReasoningTrace.Node constraint =
        result.trace().nodes(ReasoningTrace.Kind.CONSTRAINT).stream()
            .filter(n -> n.label().startsWith(code.name()))
            .findFirst()
            .orElseThrow();
    assertThat(constraint.status()).isEqualTo(SearchStatus.EXPLORED);
    assertThat(constraint.reason()).startsWith("resolved in the chosen plan");
    return result;
  }

  @Test
  void anExcessiveIraContributionIsCappedAtTheCitedLimit() {
    PlanningRequest request = new Households().request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.ROTH_IRA, Money.usd("8333.34"))), "0.60", request);
    PlanningResult result = resolve(request, bad, RuleCode.MAX_CONTRIBUTION_EXCEEDED);
    assertThat(
            result
                .plan()
                .monthlyContribution(AccountType.ROTH_IRA)
                .plus(result.plan().monthlyContribution(AccountType.TRADITIONAL_IRA))
                .times(12))
        .isLessThanOrEqualTo(Money.usd(7_500));
  }

  @Test
  void aLowerCitedLimitIsHonouredAndTheExcessGoesToTheNextAccount() {
    Households h = StrategiesTest.richHousehold(40, 2026);
    h.income = Money.usd(130_000);
    PlanningRequest request = h.request();
    FindingToResolve cited =
        new FindingToResolve(
            "MAX_CONTRIBUTION_EXCEEDED",
            "ERROR",
            "Annual IRA contributions (traditional + Roth) of $7,500.00 exceed the 2026 limit of"
                + " $5,000.00 for age 40 by December 31");
    PlanningResult first = PlannerTest.PLANNER.plan(request, PlannerTest.FAST);
    PlanningResult result =
        PlannerTest.PLANNER.replan(request, List.of(cited), 2, PlannerTest.FAST);
    Money ira =
        result
            .plan()
            .monthlyContribution(AccountType.ROTH_IRA)
            .plus(result.plan().monthlyContribution(AccountType.TRADITIONAL_IRA));
    assertThat(ira.times(12)).isLessThanOrEqualTo(Money.usd(5_000));
    assertThat(ira.isPositive()).isTrue();
    assertThat(result.plan().totalMonthlySaving()).isEqualTo(first.plan().totalMonthlySaving());
    assertThat(result.plan().monthlyContribution(AccountType.TAXABLE_BROKERAGE))
        .isGreaterThan(first.plan().monthlyContribution(AccountType.TAXABLE_BROKERAGE));
  }

  @Test
  void aPlanSpendingTheEmergencyFundIsReplannedToFundItFirst() {
    Households h = new Households().cash(500);
    PlanningRequest request = h.request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.TAXABLE_BROKERAGE, Money.usd(900))),
            "0.60",
            request);
    PlanningResult result = resolve(request, bad, RuleCode.EMERGENCY_FUND_LOW);
    assertThat(result.plan().monthlyContribution(AccountType.CASH).isPositive()).isTrue();
  }

  @Test
  void tooMuchEquityForAConservativeInvestorIsLowered() {
    Households h = new Households();
    h.risk = RiskTolerance.CONSERVATIVE;
    PlanningRequest request = h.request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.EMPLOYER_401K, Money.usd(475))), "0.90", request);
    PlanningResult result = resolve(request, bad, RuleCode.RISK_TOLERANCE_MISMATCH);
    for (GlidePath.Point p : result.plan().glidePath().points()) {
      assertThat(p.allocation().equityShare()).isLessThanOrEqualTo(new BigDecimal("0.35"));
    }
  }

  @Test
  void aNearTermGoalOnEquitiesIsMovedToCashOrLowEquity() {
    Households h = new Households();
    h.goal(GoalType.HOME_PURCHASE, 30_000, h.asOf.plusMonths(30), 2, "house deposit");
    PlanningRequest request = h.request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.EMPLOYER_401K, Money.usd(475))), "0.80", request);
    PlanningResult result = resolve(request, bad, RuleCode.SHORT_HORIZON_EQUITY);
    assertThat(result.plan().glidePath().allocationAt(h.age).equityShare())
        .isLessThanOrEqualTo(GlidePathBuilder.SHORT_GOAL_EQUITY);
  }

  @Test
  void savingMoreThanTheBudgetIsCutBackToIt() {
    PlanningRequest request = new Households().request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.TAXABLE_BROKERAGE, Money.usd(5_000))),
            "0.60",
            request);
    PlanningResult result = resolve(request, bad, RuleCode.CASH_FLOW_NEGATIVE);
    assertThat(result.plan().totalMonthlySaving()).isLessThan(Money.usd("1555.21"));
  }

  @Test
  void aRothContributionAboveThePhaseOutIsReplannedWithoutRoth() {
    Households h = new Households().noDebts();
    h.income = Money.usd(175_000);
    h.hsa = HsaCoverage.NONE;
    h.match = EmployerMatch.NONE;
    h.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
    PlanningRequest request = h.request();
    Plan bad =
        handmade(List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(625))), "0.60", request);
    PlanningResult result = resolve(request, bad, RuleCode.ROTH_INCOME_LIMIT);
    assertThat(result.plan().monthlyContribution(AccountType.ROTH_IRA)).isEqualTo(Money.zeroUsd());
  }

  @Test
  void aDebtLoadAboveTheLendingCeilingIsPaidDown() {
    Households h = new Households().noDebts();
    h.income = Money.usd(90_000);
    h.discretionary = Money.zeroUsd();
    h.debts.add(Households.debt("student loan", DebtKind.STUDENT_LOAN, 60_000, "0.05", 1_300));
    h.debts.add(Households.debt("car", DebtKind.AUTO_LOAN, 9_000, "0.06", 400));
    PlanningRequest request = h.request();
    Plan bad =
        handmade(
            List.of(new Contribution(AccountType.EMPLOYER_401K, Money.usd(400))), "0.60", request);
    VerificationReport before = VERIFIER.verify(bad, request);
    assertThat(before.findings(RuleCode.DEBT_TO_INCOME_HIGH))
        .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    PlanningResult result = PlannerTest.PLANNER.replan(request, before, 2, PlannerTest.FAST);
    VerificationReport after = VERIFIER.verify(result.plan(), request);
    assertThat(after.findings(RuleCode.DEBT_TO_INCOME_HIGH))
        .noneSatisfy(f -> assertThat(f.severity().rejects()).isTrue());
    assertThat(result.plan().totalMonthlyDebtPayments())
        .isGreaterThan(request.state().minimumDebtPayments());
  }

  @Test
  void findingsThePlanCannotChangeStayOpenAndAreSaidSo() {
    Households h = new Households();
    h.housing = Money.usd(3_000);
    h.essential = Money.usd(3_200);
    PlanningRequest request = h.request();
    FindingToResolve frontEnd =
        new FindingToResolve("DEBT_TO_INCOME_HIGH", "WARNING", "Housing cost is 38% of income");
    PlanningResult result =
        PlannerTest.PLANNER.replan(request, List.of(frontEnd), 2, PlannerTest.FAST);
    ReasoningTrace.Node node =
        result.trace().nodes(ReasoningTrace.Kind.CONSTRAINT).stream()
            .filter(n -> n.label().startsWith("DEBT_TO_INCOME_HIGH"))
            .findFirst()
            .orElseThrow();
    assertThat(node.status()).isEqualTo(SearchStatus.REJECTED);
    assertThat(node.reason()).contains("still open").contains("no plan change clears");
  }

  @Test
  void lowSuccessIsAnsweredWithRelaxationsWhenSavingMoreCannotFixIt() {
    Households h = new Households();
    h.goals.clear();
    h.goal(GoalType.RETIREMENT, 4_000_000, h.asOf.plusYears(30), 1, "retire rich");
    PlanningRequest request = h.request();
    PlanningResult first = PlannerTest.PLANNER.plan(request, PlannerTest.FAST);
    assertThat(first.passed()).isFalse();
    PlanningResult again =
        PlannerTest.PLANNER.replan(request, first.openFindings(), 3, PlannerTest.FAST);
    assertThat(again.passed()).isFalse();
    assertThat(again.relaxations()).isNotEmpty();
    assertThat(again.relaxationTexts())
        .anySatisfy(t -> assertThat(t).startsWith("Increase monthly savings"));
  }

  @Test
  void findingsAlreadySatisfiedByConstructionAreNoted() {
    FindingToResolve margin =
        new FindingToResolve("MARGIN_LIMIT_EXCEEDED", "ERROR", "Leverage of 3x exceeds 2x");
    PlanningResult result =
        PlannerTest.PLANNER.replan(
            new Households().request(), List.of(margin), 2, PlannerTest.FAST);
    assertThat(result.trace().nodes(ReasoningTrace.Kind.CONSTRAINT))
        .anySatisfy(
            n -> {
              assertThat(n.label()).isEqualTo("MARGIN_LIMIT_EXCEEDED (ERROR)");
              assertThat(n.reason()).contains("already satisfied");
              assertThat(n.status()).isEqualTo(SearchStatus.EXPLORED);
            });
    assertThat(result.plan().leverage()).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  void unknownCodesAndSeveritiesAreRejectedByField() {
    List<FindingToResolve> findings =
        List.of(
            new FindingToResolve("NOT_A_RULE", "ERROR", ""),
            new FindingToResolve("EMERGENCY_FUND_LOW", "BAD", null));
    assertThatThrownBy(
            () ->
                PlannerTest.PLANNER.replan(
                    new Households().request(), findings, 2, PlannerTest.FAST))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly("findings[0].code", "findings[1].severity"));
  }
}

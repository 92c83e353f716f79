package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategiesTest {

  private static Households aggressiveInvestor() {
    Households h = new Households();
    h.risk = RiskTolerance.AGGRESSIVE;
    return h;
  }

  @Test
  void everyStrategyIsExploredForAnAggressiveInvestorWithDebts() {
    PlanningResult result =
        PlannerTest.PLANNER.plan(aggressiveInvestor().request(), PlannerTest.FAST);
    assertThat(result.candidates())
        .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(SearchStatus.PRUNED));
  }

  @Test
  void strategiesDifferInAllocationsAmountsAndOrders() {
    PlanningRequest request = aggressiveInvestor().request();
    Set<Object> glidePaths = new HashSet<>();
    Set<List<Contribution>> contributions = new HashSet<>();
    Set<BigDecimal> equityNow = new HashSet<>();
    for (Strategy s : Strategy.values()) {
      Plan plan = Drafts.of(request, s).plan();
      glidePaths.add(plan.glidePath());
      contributions.add(plan.contributions());
      equityNow.add(plan.glidePath().allocationAt(35).equityShare());
    }
    assertThat(glidePaths).hasSize(Strategy.values().length);
    assertThat(contributions).hasSize(Strategy.values().length);
    assertThat(equityNow).hasSizeGreaterThanOrEqualTo(5);

    Plan conservative = Drafts.of(request, Strategy.CONSERVATIVE).plan();
    Plan growth = Drafts.of(request, Strategy.GROWTH).plan();
    assertThat(conservative.emergencyFundTarget()).isEqualTo(Money.usd(19_200));
    assertThat(growth.emergencyFundTarget()).isEqualTo(Money.usd(9_600));
    assertThat(conservative.glidePath().allocationAt(35).equityShare())
        .isLessThan(growth.glidePath().allocationAt(35).equityShare());

    Plan debtFirst = Drafts.of(request, Strategy.DEBT_FIRST).plan();
    assertThat(debtFirst.debtPayoffMethod()).isEqualTo(DebtPayoffMethod.SNOWBALL);
    assertThat(growth.debtPayoffMethod()).isEqualTo(DebtPayoffMethod.AVALANCHE);
    assertThat(debtFirst.debtPayments())
        .extracting(DebtPayment::debtName)
        .containsExactly("car", "visa", "student loan");
    assertThat(growth.debtPayments())
        .extracting(DebtPayment::debtName)
        .containsExactly("visa", "car", "student loan");
    assertThat(debtFirst.totalMonthlyDebtPayments())
        .isGreaterThan(growth.totalMonthlyDebtPayments());
  }

  @Test
  void theDebtReasonQuantifiesTheInterestOfBothOrders() {
    Draft snowball = Drafts.of(aggressiveInvestor().request(), Strategy.DEBT_FIRST);
    assertThat(snowball.debts().reason()).startsWith("snowball").contains("more than avalanche");
    Draft avalanche =
        Drafts.of(
            aggressiveInvestor().request(),
            Strategy.BALANCED,
            Adjustments.NONE.withPayDownAllDebt());
    assertThat(avalanche.debts().reason()).startsWith("avalanche").contains("less than snowball");
    Draft single = Drafts.of(aggressiveInvestor().request(), Strategy.BALANCED);
    assertThat(single.debts().reason()).contains("one debt gets the extra payments (visa)");
  }

  @Test
  void thePriorityOrderIsHonouredInEveryStrategy() {
    for (Households h : List.of(new Households(), aggressiveInvestor(), richHousehold(40, 2026))) {
      PlanningRequest request = h.request();
      for (Strategy s : Strategy.values()) {
        Draft d = Drafts.of(request, s);
        List<Slice> slices = d.waterfall().slices();
        List<SavingBucket> order =
            SavingBucket.order(
                s.profile().taxAdvantagedOrder(), Adjustments.NONE.emergencyFund().first());
        for (int i = 0; i < slices.size(); i++) {
          if (i > 0) {
            assertThat(order.indexOf(slices.get(i).bucket()))
                .isGreaterThanOrEqualTo(order.indexOf(slices.get(i - 1).bucket()));
          }
          boolean laterFunded =
              slices.subList(i + 1, slices.size()).stream().anyMatch(x -> x.monthly().isPositive());
          if (laterFunded) {
            assertThat(slices.get(i).full())
                .as("%s: %s must be full before later buckets get money", s, slices.get(i))
                .isTrue();
          }
        }
        assertThat(d.waterfall().planned()).isLessThanOrEqualTo(d.waterfall().savingBudget());
      }
    }
  }

  @Test
  void aTightBudgetStopsAtTheEmergencyFundBeforeRetirementAccounts() {
    Households h = new Households();
    h.discretionary = Money.usd(1_700);
    Draft d = Drafts.of(h.request(), Strategy.BALANCED);
    assertThat(d.waterfall().total(SavingBucket.EMPLOYER_MATCH)).isEqualTo(Money.usd(475));
    assertThat(
            d.waterfall().slices().stream()
                .filter(s -> s.bucket() == SavingBucket.HIGH_INTEREST_DEBT))
        .allSatisfy(s -> assertThat(s.full()).isTrue());
    assertThat(d.waterfall().total(SavingBucket.EMERGENCY_FUND).isPositive()).isTrue();
    assertThat(d.waterfall().total(SavingBucket.IRA)).isEqualTo(Money.zeroUsd());
    assertThat(d.waterfall().total(SavingBucket.EMPLOYER_PLAN)).isEqualTo(Money.zeroUsd());
    assertThat(d.waterfall().total(SavingBucket.TAXABLE)).isEqualTo(Money.zeroUsd());
    assertThat(d.plan().monthlyContribution(AccountType.EMPLOYER_401K)).isEqualTo(Money.usd(475));
  }

  @Test
  void taxOptimisedFillsThe401kBeforeTheIra() {
    Households h = new Households();
    h.discretionary = Money.usd(500);
    Draft balanced = Drafts.of(h.request(), Strategy.BALANCED);
    Draft tax = Drafts.of(h.request(), Strategy.TAX_OPTIMISED);
    assertThat(balanced.waterfall().total(SavingBucket.EMPLOYER_PLAN)).isEqualTo(Money.zeroUsd());
    assertThat(balanced.waterfall().total(SavingBucket.IRA).isPositive()).isTrue();
    assertThat(tax.waterfall().total(SavingBucket.EMPLOYER_PLAN).isPositive()).isTrue();
    assertThat(tax.waterfall().total(SavingBucket.IRA)).isEqualTo(Money.zeroUsd());
  }

  static Households richHousehold(int age, int taxYear) {
    Households h = new Households().noDebts().cash(100_000);
    h.age = age;
    h.income = Money.usd(250_000);
    h.hsa = HsaCoverage.FAMILY;
    h.taxYear = taxYear;
    h.asOf = LocalDate.of(taxYear, 2, 1);
    h.goals.clear();
    h.goal(GoalType.RETIREMENT, 2_000_000, h.asOf.plusYears(Math.max(5, 65 - age)), 1, "retire");
    return h;
  }

  private static Money annual(Plan plan, AccountType... types) {
    Money total = Money.zeroUsd();
    for (AccountType t : types) {
      total = total.plus(plan.monthlyContribution(t));
    }
    return total.times(12);
  }

  private static void assertAtLimit(Money annual, long limit) {
    assertThat(annual).isLessThanOrEqualTo(Money.usd(limit));
    assertThat(annual).isGreaterThan(Money.usd(limit - 12));
  }

  @Test
  void limitsFollowTheTaxYearAndAge() {
    for (Strategy s : List.of(Strategy.BALANCED, Strategy.TAX_OPTIMISED)) {
      Plan young2025 = Drafts.of(richHousehold(40, 2025).request(), s).plan();
      assertAtLimit(annual(young2025, AccountType.EMPLOYER_401K), 23_500);
      assertAtLimit(annual(young2025, AccountType.HSA), 8_550);
      Plan young2026 = Drafts.of(richHousehold(40, 2026).request(), s).plan();
      assertAtLimit(annual(young2026, AccountType.EMPLOYER_401K), 24_500);
      assertAtLimit(annual(young2026, AccountType.HSA), 8_750);
      Plan catchUp2025 = Drafts.of(richHousehold(52, 2025).request(), s).plan();
      assertAtLimit(annual(catchUp2025, AccountType.EMPLOYER_401K), 31_000);
      Plan catchUp2026 = Drafts.of(richHousehold(52, 2026).request(), s).plan();
      assertAtLimit(annual(catchUp2026, AccountType.EMPLOYER_401K), 32_500);
      Plan hsaCatchUp = Drafts.of(richHousehold(56, 2026).request(), s).plan();
      assertAtLimit(annual(hsaCatchUp, AccountType.HSA), 9_750);
      Plan superCatchUp = Drafts.of(richHousehold(61, 2025).request(), s).plan();
      assertAtLimit(annual(superCatchUp, AccountType.EMPLOYER_401K), 34_750);
    }
  }

  @Test
  void catchUpNeedsAge50ByTheEndOfTheTaxYear() {
    Households h = richHousehold(50, 2025);
    h.asOf = LocalDate.of(2026, 1, 10);
    Plan plan = Drafts.of(h.request(), Strategy.BALANCED).plan();
    assertAtLimit(annual(plan, AccountType.EMPLOYER_401K), 23_500);
  }

  @Test
  void iraContributionsRespectTheSharedLimitAndTheRothPhaseOut() {
    Households modest = richHousehold(52, 2026);
    modest.income = Money.usd(120_000);
    modest.hsa = HsaCoverage.NONE;
    Plan plan = Drafts.of(modest.request(), Strategy.BALANCED).plan();
    assertAtLimit(annual(plan, AccountType.ROTH_IRA, AccountType.TRADITIONAL_IRA), 8_600);

    Households phaseOut = richHousehold(40, 2026);
    phaseOut.income = Money.usd(185_000);
    phaseOut.match = dev.finpilot.domain.EmployerMatch.NONE;
    phaseOut.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
    phaseOut.hsa = HsaCoverage.NONE;
    Plan reduced = Drafts.of(phaseOut.request(), Strategy.GROWTH).plan();
    Money roth = annual(reduced, AccountType.ROTH_IRA);
    assertThat(roth).isLessThan(Money.usd(7_500));
    assertThat(annual(reduced, AccountType.EMPLOYER_401K)).isEqualTo(Money.zeroUsd());
    VerificationReport report = Verifier.standard().verify(reduced, phaseOut.request());
    assertThat(report.has(RuleCode.ROTH_INCOME_LIMIT)).isFalse();
    assertThat(report.has(RuleCode.MAX_CONTRIBUTION_EXCEEDED)).isFalse();

    Households high = richHousehold(40, 2026);
    high.income = Money.usd(400_000);
    Plan none = Drafts.of(high.request(), Strategy.GROWTH).plan();
    assertThat(annual(none, AccountType.ROTH_IRA, AccountType.TRADITIONAL_IRA))
        .isEqualTo(Money.zeroUsd());
    assertThat(none.monthlyContribution(AccountType.TAXABLE_BROKERAGE).isPositive()).isTrue();
  }

  @Test
  void richPlansPassVerificationWithEveryAccountAtItsLimit() {
    for (int year : List.of(2025, 2026)) {
      Households h = richHousehold(45, year);
      PlanningResult result = PlannerTest.PLANNER.plan(h.request(), PlannerTest.FAST);
      VerificationReport report = Verifier.standard().verify(result.plan(), h.request());
      assertThat(report.has(RuleCode.MAX_CONTRIBUTION_EXCEEDED)).isFalse();
      assertThat(report.has(RuleCode.ROTH_INCOME_LIMIT)).isFalse();
      assertThat(report.has(RuleCode.CASH_FLOW_NEGATIVE)).isFalse();
      assertThat(result.plan().monthlyContribution(AccountType.TAXABLE_BROKERAGE).isPositive())
          .isTrue();
    }
  }
}

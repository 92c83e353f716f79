package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanStep;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Households with unusual goals, accounts and filing statuses. */
class HouseholdCasesTest {

  @Test
  void anEmergencyFundGoalFirstIsProjectedInCash() {
    Households h = new Households();
    h.goals.clear();
    h.goal(GoalType.EMERGENCY_FUND, 15_000, h.asOf.plusYears(1), 1, "rainy day");
    h.goal(GoalType.RETIREMENT, 1_500_000, h.asOf.plusYears(30), 2, "retire");
    PlanningResult result = PlannerTest.PLANNER.plan(h.request(), PlannerTest.FAST);
    assertThat(result.projection().goalType()).isEqualTo(GoalType.EMERGENCY_FUND);
    assertThat(result.plan().emergencyFundTarget()).isGreaterThanOrEqualTo(Money.usd(15_000));
    assertThat(result.plan().monthlyContribution(AccountType.CASH).isPositive()).isTrue();
    Draft d = Drafts.of(h.request(), Strategy.BALANCED);
    assertThat(d.primary().inCash()).isTrue();
    assertThat(d.otherGoals().checks())
        .extracting(GoalCheck::type)
        .containsExactly(GoalType.RETIREMENT);
  }

  @Test
  void cashSavedForAnEmergencyFundGoalIsRedirectedOnlyOnceItIsFull() {
    Households h = new Households();
    h.goal(GoalType.EMERGENCY_FUND, 15_000, h.asOf.plusYears(2), 2, "rainy day");
    Draft d = Drafts.of(h.request(), Strategy.BALANCED);
    assertThat(d.plan().emergencyFundTarget()).isEqualTo(Money.usd(15_000));
    assertThat(d.primary().releases())
        .filteredOn(r -> r.reason().contains("emergency") || r.reason().contains("rainy"))
        .singleElement()
        .satisfies(r -> assertThat(r.month()).isEqualTo(d.emergencyFund().filledMonth() + 1));
  }

  @Test
  void debtPayoffGoalsAreCheckedAndEveryDebtIsTargeted() {
    Households h = new Households();
    h.income = Money.usd(120_000);
    h.goals.clear();
    h.goal(GoalType.DEBT_PAYOFF, 27_000, h.asOf.plusYears(3), 1, "debt free");
    PlanningResult result = PlannerTest.PLANNER.plan(h.request(), PlannerTest.FAST);
    assertThat(result.projection().goal()).isEqualTo("invested assets while debts are paid");
    assertThat(result.projection().successProbability()).isEqualTo(1.0);
    Draft d = Drafts.of(h.request(), Strategy.BALANCED);
    assertThat(d.debts().targeted()).isEqualTo(3);
    GoalCheck check = d.otherGoals().checks().get(0);
    assertThat(check.type()).isEqualTo(GoalType.DEBT_PAYOFF);
    assertThat(check.onTrack()).isTrue();
    assertThat(check.fundedShare()).isEqualTo(1.0);
    assertThat(result.plan().totalMonthlyDebtPayments())
        .isGreaterThan(h.request().state().minimumDebtPayments());
  }

  @Test
  void educationAfterRetirementIsSavedInA529OnceRetirementAccountsAreFull() {
    Households h = StrategiesTest.richHousehold(40, 2026).cash(10_000);
    h.goal(GoalType.EDUCATION, 120_000, h.asOf.plusYears(12), 2, "college");
    Draft d = Drafts.of(h.request(), Strategy.BALANCED);
    assertThat(d.waterfall().total(SavingBucket.LATER_GOALS).isPositive()).isTrue();
    assertThat(d.plan().monthlyContribution(AccountType.EDUCATION_529).isPositive()).isTrue();
    List<AccountType> order = d.plan().contributions().stream().map(Contribution::account).toList();
    assertThat(order.indexOf(AccountType.EDUCATION_529))
        .isGreaterThan(order.indexOf(AccountType.EMPLOYER_401K));
    assertThat(d.otherGoals().checks()).anySatisfy(c -> assertThat(c.goal()).isEqualTo("college"));
  }

  @Test
  void aNearTermGoalAheadOfRetirementIsSavedInCashBeforeRetirementAccounts() {
    Households h = StrategiesTest.richHousehold(40, 2026).cash(10_000);
    h.goals.clear();
    h.goal(GoalType.HOME_PURCHASE, 50_000, h.asOf.plusYears(2), 1, "home");
    h.goal(GoalType.RETIREMENT, 2_000_000, h.asOf.plusYears(25), 2, "retire");
    Draft d = Drafts.of(h.request(), Strategy.GROWTH);
    Slice home =
        d.waterfall().slices().stream()
            .filter(s -> s.bucket() == SavingBucket.PRIORITY_GOALS)
            .findFirst()
            .orElseThrow();
    assertThat(home.account()).isEqualTo(AccountType.CASH);
    assertThat(d.primary().goal().label()).isEqualTo("home");
    assertThat(d.primary().inCash()).isTrue();
  }

  @Test
  void a403bHolderDefersInto403bAndAHouseholdWithoutAPlanUsesIras() {
    Households teacher = new Households();
    teacher.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
    teacher.accounts.add(new Account("403b", AccountType.EMPLOYER_403B, Money.usd(30_000)));
    Draft d = Drafts.of(teacher.request(), Strategy.BALANCED);
    assertThat(d.plan().monthlyContribution(AccountType.EMPLOYER_403B)).isEqualTo(Money.usd(475));
    assertThat(d.plan().monthlyContribution(AccountType.EMPLOYER_401K)).isEqualTo(Money.zeroUsd());

    Households freelancer = StrategiesTest.richHousehold(40, 2026);
    freelancer.income = Money.usd(110_000);
    freelancer.match = EmployerMatch.NONE;
    freelancer.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
    Draft f = Drafts.of(freelancer.request(), Strategy.BALANCED);
    assertThat(f.plan().monthlyContribution(AccountType.EMPLOYER_401K)).isEqualTo(Money.zeroUsd());
    assertThat(f.waterfall().total(SavingBucket.IRA)).isEqualTo(Money.usd(625));
    assertThat(f.plan().monthlyContribution(AccountType.TAXABLE_BROKERAGE).isPositive()).isTrue();
  }

  @Test
  void marriedFilingSeparatelyGetsNoRothAndNoDeductibleIraWhenCovered() {
    Households h = new Households().noDebts().cash(50_000);
    h.status = FilingStatus.MARRIED_FILING_SEPARATELY;
    h.income = Money.usd(120_000);
    PlanningRequest request = h.request();
    Draft d = Drafts.of(request, Strategy.BALANCED);
    assertThat(d.waterfall().total(SavingBucket.IRA)).isEqualTo(Money.zeroUsd());
    VerificationReport report =
        Verifier.standard().verify(d.plan().withSuccessProbability(0.9), request);
    assertThat(report.has(RuleCode.ROTH_INCOME_LIMIT)).isFalse();
  }

  @Test
  void dependentsLengthenTheEmergencyFundMoreForOneEarner() {
    Households single = new Households();
    single.dependents = 2;
    Households married = new Households();
    married.dependents = 2;
    married.status = FilingStatus.MARRIED_FILING_JOINTLY;
    assertThat(Drafts.of(single.request(), Strategy.BALANCED).emergencyFund().months())
        .isEqualTo(6);
    assertThat(Drafts.of(married.request(), Strategy.BALANCED).emergencyFund().months())
        .isEqualTo(5);
    assertThat(Drafts.of(single.request(), Strategy.CONSERVATIVE).emergencyFund().months())
        .isEqualTo(EmergencyFund.MAX_MONTHS);
  }

  @Test
  void aMortgageIsPaidAtItsMinimumLastAndNeverCountedTwice() {
    Households h = new Households();
    h.debts.add(Households.debt("mortgage", DebtKind.MORTGAGE, 250_000, "0.065", 1_600));
    PlanningRequest request = h.request();
    PlanningResult result = PlannerTest.PLANNER.plan(request, PlannerTest.FAST);
    List<DebtPayment> payments = result.plan().debtPayments();
    DebtPayment last = payments.get(payments.size() - 1);
    assertThat(last.debtName()).isEqualTo("mortgage");
    assertThat(last.monthlyAmount()).isEqualTo(Money.usd(1_600));
    assertThat(result.monthlySurplus()).isEqualTo(Money.usd("1555.21"));
    assertThat(Verifier.standard().verify(result.plan(), request).has(RuleCode.CASH_FLOW_NEGATIVE))
        .isFalse();
  }

  @Test
  void stepsAreDatedSortedAndCoverAccountsDebtsTheFundAndRebalancing() {
    Households h = new Households();
    h.hsa = HsaCoverage.SELF_ONLY;
    Draft d = Drafts.of(h.request(), Strategy.GROWTH);
    List<PlanStep> steps = d.plan().steps();
    assertThat(steps).isSortedAccordingTo(java.util.Comparator.comparing(PlanStep::date));
    assertThat(steps)
        .anySatisfy(
            s -> {
              assertThat(s.action()).isEqualTo("Open an HSA");
              assertThat(s.date()).isEqualTo(h.asOf);
            });
    assertThat(steps)
        .filteredOn(s -> s.action().startsWith("Set up"))
        .allSatisfy(s -> assertThat(s.date()).isEqualTo(h.asOf.withDayOfMonth(1).plusMonths(1)))
        .hasSize(d.plan().contributions().size());
    int payoff = d.debts().schedule().payoff("visa").month();
    assertThat(steps)
        .anySatisfy(
            s -> {
              assertThat(s.action()).startsWith("visa paid off");
              assertThat(s.date())
                  .isEqualTo(h.asOf.withDayOfMonth(1).plusMonths(1).plusMonths(payoff - 1L));
            });
    assertThat(steps).anySatisfy(s -> assertThat(s.action()).startsWith("Emergency fund reaches"));
    assertThat(steps).anySatisfy(s -> assertThat(s.action()).startsWith("Catch-up contributions"));
    assertThat(steps).anySatisfy(s -> assertThat(s.action()).startsWith("Rebalance every year"));
    assertThat(steps).allSatisfy(s -> assertThat(s.amount()).isNotNull());
  }

  @Test
  void anUnpayableDebtIsFlaggedInTheSteps() {
    Households h = new Households().noDebts();
    h.debts.add(Households.debt("payday", DebtKind.PERSONAL_LOAN, 200_000, "0.30", 300));
    h.income = Money.usd(70_000);
    Draft d = Drafts.of(h.request(), Strategy.CONSERVATIVE);
    assertThat(d.plan().steps())
        .anySatisfy(s -> assertThat(s.action()).contains("is not paid off within 50 years"));
  }

  @Test
  void theTraceIsAWellFormedGraphWithOneChosenStrategy() {
    PlanningResult result = PlannerTest.PLANNER.plan(new Households().request(), PlannerTest.FAST);
    ReasoningTrace trace = result.trace();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < trace.nodes().size(); i++) {
      assertThat(trace.nodes().get(i).id()).isEqualTo("n" + i);
      ids.add(trace.nodes().get(i).id());
    }
    assertThat(trace.nodes(ReasoningTrace.Kind.ROOT)).hasSize(1);
    assertThat(trace.edges())
        .allSatisfy(
            e -> {
              assertThat(ids).contains(e.from(), e.to());
              assertThat(e.label()).isNotBlank();
            });
    List<ReasoningTrace.Node> chosen =
        trace.nodes(ReasoningTrace.Kind.STRATEGY).stream()
            .filter(n -> n.status() == SearchStatus.CHOSEN)
            .toList();
    assertThat(chosen).hasSize(1);
    assertThat(chosen.get(0).label()).isEqualTo(result.strategy().name());
    assertThat(trace.children("n0")).contains(chosen.get(0));
    assertThat(trace.edges())
        .filteredOn(e -> e.label().equals("chosen"))
        .singleElement()
        .satisfies(e -> assertThat(e.to()).isEqualTo(chosen.get(0).id()));
    assertThat(trace.edges()).hasSize(trace.nodes().size() - 1);
    assertThat(trace.children(chosen.get(0).id()))
        .extracting(ReasoningTrace.Node::kind)
        .containsOnly(ReasoningTrace.Kind.DECISION);
    assertThat(trace.nodes(ReasoningTrace.Kind.STRATEGY)).hasSize(Strategy.values().length);
    assertThat(trace.nodes(ReasoningTrace.Kind.STRATEGY))
        .filteredOn(n -> n.status() == SearchStatus.PRUNED)
        .allSatisfy(n -> assertThat(n.score()).isNull());
  }
}

package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.projection.LognormalGenerator;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlannerTest {

  static final Planner PLANNER = new Planner();
  static final PlanningOptions FAST = PlanningOptions.defaults().withPaths(2_000);

  @Test
  void aTypicalHouseholdGetsAVerifiedProjectedPlan() {
    PlanningRequest request = new Households().request();
    PlanningResult result = PLANNER.plan(request, FAST);

    assertThat(result.passed()).isTrue();
    assertThat(result.outcome()).isIn("APPROVED", "CONDITIONAL");
    assertThat(result.plan().strategy()).isEqualTo(result.strategy().name());
    assertThat(result.plan().successProbability())
        .isEqualTo(result.projection().successProbability())
        .isBetween(0.70, 1.0);
    assertThat(result.projection().bands()).hasSize(result.projection().years() + 1);
    assertThat(result.projection().paths()).isEqualTo(2_000);
    assertThat(result.projection().targetAmount()).isEqualTo(Money.usd(1_500_000));
    assertThat(result.relaxations()).isEmpty();
    assertThat(result.round()).isEqualTo(1);
    assertThat(result.monthlySurplus()).isEqualTo(Money.usd("1555.21"));
    assertThat(result.candidates()).hasSize(Strategy.values().length);
    assertThat(result.candidate(result.strategy()).status()).isEqualTo(SearchStatus.CHOSEN);
    VerificationReport report = Verifier.standard().verify(result.plan(), request);
    assertThat(report.outcome().name()).isEqualTo(result.outcome());
    assertThat(result.openFindings())
        .extracting(FindingToResolve::code)
        .containsExactlyElementsOf(report.violations().stream().map(f -> f.code().name()).toList());
  }

  @Test
  void theChosenPlanHasTheHighestScoreAmongPassingCandidates() {
    PlanningResult result = PLANNER.plan(new Households().request(), FAST);
    double best =
        result.candidates().stream()
            .filter(c -> c.score() != null && !"REJECTED".equals(c.outcome()))
            .mapToDouble(Candidate::score)
            .max()
            .orElseThrow();
    assertThat(result.score()).isEqualTo(best);
    assertThat(result.candidate(result.strategy()).score()).isEqualTo(best);
  }

  @Test
  void theSameRequestGivesTheSameResultBitForBit() {
    PlanningRequest request = new Households().request();
    PlanningResult first = PLANNER.plan(request, FAST);
    PlanningResult second = new Planner().plan(new Households().request(), FAST);
    assertThat(second).isEqualTo(first);
    assertThat(JsonMapping.write(second)).isEqualTo(JsonMapping.write(first));
  }

  @Test
  void theSeedComesFromTheRequestUnlessGiven() {
    PlanningRequest request = new Households().request();
    PlanningResult derived = PLANNER.plan(request, FAST);
    assertThat(derived.projection().seed()).isEqualTo(Seeds.of(request));
    Households other = new Households();
    other.income = Money.usd(95_001);
    assertThat(Seeds.of(other.request())).isNotEqualTo(Seeds.of(request));
    PlanningResult seeded = PLANNER.plan(request, FAST.withSeed(7));
    assertThat(seeded.projection().seed()).isEqualTo(7);
  }

  @Test
  void theLognormalGeneratorCanReplaceTheBootstrap() {
    PlanningResult result =
        PLANNER.plan(new Households().request(), FAST.withGenerator(LognormalGenerator.fitted()));
    assertThat(result.projection().model()).isEqualTo(LognormalGenerator.fitted().description());
    assertThat(result.plan().successProbability()).isBetween(0.0, 1.0);
  }

  @Test
  void pruningRecordsWhyARiskToleranceForbidsAStrategy() {
    Households h = new Households();
    h.risk = RiskTolerance.CONSERVATIVE;
    PlanningResult result = PLANNER.plan(h.request(), FAST);
    for (Strategy s : List.of(Strategy.GROWTH, Strategy.AGGRESSIVE, Strategy.TAX_OPTIMISED)) {
      Candidate c = result.candidate(s);
      assertThat(c.status()).isEqualTo(SearchStatus.PRUNED);
      assertThat(c.reason()).contains("CONSERVATIVE risk tolerance allows at most 40%");
      assertThat(c.plan()).isNull();
      assertThat(c.score()).isNull();
    }
  }

  @Test
  void aConservativeInvestorNeverHoldsMoreThanFortyPercentEquities() {
    Households h = new Households();
    h.risk = RiskTolerance.CONSERVATIVE;
    PlanningResult result = PLANNER.plan(h.request(), FAST);
    for (Candidate c : result.candidates()) {
      if (c.plan() != null) {
        for (GlidePath.Point p : c.plan().glidePath().points()) {
          assertThat(p.allocation().equityShare()).isLessThanOrEqualTo(new BigDecimal("0.40"));
        }
      }
    }
    assertThat(
            Verifier.standard()
                .verify(result.plan(), h.request())
                .has(RuleCode.RISK_TOLERANCE_MISMATCH))
        .isFalse();
  }

  @Test
  void debtFirstIsPrunedWithoutDebtAndTaxOptimisedWithoutRetirement() {
    Households h = new Households().noDebts();
    h.goals.clear();
    h.goal(GoalType.HOME_PURCHASE, 60_000, h.asOf.plusYears(6), 1, "house");
    PlanningResult result = PLANNER.plan(h.request(), FAST);
    assertThat(result.candidate(Strategy.DEBT_FIRST).reason()).contains("no non-mortgage debt");
    assertThat(result.candidate(Strategy.TAX_OPTIMISED).reason()).contains("no retirement goal");
    assertThat(result.plan().contributions())
        .extracting(Contribution::account)
        .doesNotContain(AccountType.ROTH_IRA, AccountType.TRADITIONAL_IRA, AccountType.HSA);
    assertThat(result.projection().goalType()).isEqualTo(GoalType.HOME_PURCHASE);
  }

  @Test
  void anUnreachableGoalPrunesEveryStrategyAndYieldsRelaxations() {
    Households h = new Households().noDebts();
    h.age = 55;
    h.income = Money.usd(150_000);
    h.goals.clear();
    h.goal(GoalType.RETIREMENT, 1_500_000, h.asOf.plusYears(10), 1, "retire");
    PlanningResult result = PLANNER.plan(h.request(), FAST);

    assertThat(result.candidates().subList(0, Strategy.values().length))
        .allSatisfy(
            c -> {
              assertThat(c.status()).isEqualTo(SearchStatus.PRUNED);
              assertThat(c.reason()).contains("out of reach");
            });
    assertThat(result.passed()).isFalse();
    assertThat(result.outcome()).isEqualTo("REJECTED");
    assertThat(result.confidence()).isLessThanOrEqualTo(0.5);
    assertThat(result.candidates()).hasSize(Strategy.values().length + 1);
    Candidate bestEffort = result.candidate(Strategy.BALANCED);
    assertThat(bestEffort.status()).isEqualTo(SearchStatus.CHOSEN);
    assertThat(bestEffort.plan()).isEqualTo(result.plan());
    assertThat(result.trace().nodes(ReasoningTrace.Kind.STRATEGY))
        .anySatisfy(n -> assertThat(n.label()).isEqualTo("BALANCED (best effort)"));
    assertThat(result.trace().nodes(ReasoningTrace.Kind.CONSTRAINT))
        .anySatisfy(
            n -> {
              assertThat(n.label()).contains("reachable");
              assertThat(n.status()).isEqualTo(SearchStatus.REJECTED);
            });
    Set<Relaxation.Kind> kinds =
        result.relaxations().stream().map(Relaxation::kind).collect(Collectors.toSet());
    assertThat(kinds)
        .contains(
            Relaxation.Kind.INCREASE_SAVINGS,
            Relaxation.Kind.EXTEND_GOAL_DATE,
            Relaxation.Kind.LOWER_TARGET);
    for (Relaxation r : result.relaxations()) {
      switch (r.kind()) {
        case INCREASE_SAVINGS -> {
          assertThat(r.amount().isPositive()).isTrue();
          assertThat(r.description()).startsWith("Increase monthly savings").contains("$");
          assertThat(r.successProbability()).isGreaterThanOrEqualTo(0.70);
        }
        case EXTEND_GOAL_DATE -> {
          assertThat(r.years()).isBetween(1, RelaxationFinder.MAX_EXTENSION_YEARS);
          assertThat(r.description()).contains("by " + r.years() + " year");
          assertThat(r.successProbability()).isGreaterThanOrEqualTo(0.70);
        }
        case LOWER_TARGET -> {
          assertThat(r.amount()).isLessThan(Money.usd(1_500_000));
          assertThat(r.description()).contains("from $1,500,000 to");
          assertThat(r.successProbability()).isGreaterThanOrEqualTo(0.70);
        }
        case ACCEPT_MORE_RISK -> assertThat(r.description()).contains("aggressive");
        default -> {}
      }
    }
    assertThat(result.relaxationTexts()).hasSameSizeAs(result.relaxations());
  }

  @Test
  void aHouseholdWithoutSurplusIsToldHowMuchToCut() {
    Households h = new Households();
    h.income = Money.usd(45_000);
    PlanningResult result = PLANNER.plan(h.request(), FAST);
    assertThat(result.monthlySurplus().isNegative()).isTrue();
    assertThat(result.passed()).isFalse();
    assertThat(result.plan().contributions()).isEmpty();
    assertThat(result.candidates())
        .filteredOn(c -> c.status() == SearchStatus.PRUNED)
        .allSatisfy(c -> assertThat(c.reason()).contains("no monthly surplus"));
    Relaxation cut =
        result.relaxations().stream()
            .filter(r -> r.kind() == Relaxation.Kind.REDUCE_EXPENSES)
            .findFirst()
            .orElseThrow();
    assertThat(cut.amount()).isEqualTo(result.monthlySurplus().negate());
    assertThat(result.relaxations())
        .anySatisfy(r -> assertThat(r.kind()).isEqualTo(Relaxation.Kind.RESOLVE_FINDING));
  }

  @Test
  void invalidRequestsNameEveryBadField() {
    Households h = new Households();
    h.taxYear = 2030;
    h.debts.add(Households.debt("visa", DebtKind.CREDIT_CARD, 100, "0.2", 10));
    assertThatThrownBy(() -> PLANNER.plan(h.request(), FAST))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(FieldError::field)
                    .contains("taxYear", "state.debts[3].name"));
    Households bad = new Households();
    bad.goals.clear();
    assertThatThrownBy(() -> PLANNER.plan(bad.request(), FAST))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("goals");
    assertThatThrownBy(() -> PLANNER.replan(new Households().request(), List.of(), 0, FAST))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("round");
    assertThatThrownBy(() -> PlanningOptions.defaults().withPaths(0))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("options.paths");
  }

  @Test
  void inrAmountsAreRefusedForUsPlanning() {
    Households h = new Households();
    h.income = Money.of(new BigDecimal("900000"), Money.INR);
    assertThatThrownBy(() -> PLANNER.plan(h.request(), FAST))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("state.annualIncome: must be in USD");
  }

  @Test
  void theResultSerialisesToJsonAndBack() {
    PlanningResult result = PLANNER.plan(new Households().request(), FAST);
    ReasoningTrace trace =
        JsonMapping.read(JsonMapping.write(result.trace()), ReasoningTrace.class);
    assertThat(trace).isEqualTo(result.trace());
    PlanProjection projection =
        JsonMapping.read(JsonMapping.write(result.projection()), PlanProjection.class);
    assertThat(projection).isEqualTo(result.projection());
    PlanningResult whole = JsonMapping.read(JsonMapping.write(result), PlanningResult.class);
    assertThat(whole).isEqualTo(result);
    assertThat(JsonMapping.write(result.trace()))
        .contains("\"kind\":\"ROOT\"")
        .contains("\"edges\"");
  }
}

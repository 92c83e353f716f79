package dev.finpilot.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfTest {

  private static final PlanSubject THIRTY_FIVE = WhatIfSubjects.thirtyFive();

  private static Change goalYears(int years) {
    return new Change(years, null, null, null, null, null);
  }

  private static Change saving(long dollars) {
    return new Change(null, Money.usd(dollars), null, null, null, null);
  }

  @Test
  void aChangeOfNothingGivesIdenticalNumbersOnBothSides() {
    WhatIfAnswer answer = WhatIf.answer(THIRTY_FIVE, Change.none(), 2_000);
    WhatIfOutcome current = answer.current();
    WhatIfOutcome changed = answer.changed();
    assertThat(changed.successProbability()).isEqualTo(current.successProbability());
    assertThat(changed.bands()).isEqualTo(current.bands());
    assertThat(changed.shortfallProbability()).isEqualTo(current.shortfallProbability());
    assertThat(changed.medianShortfall()).isEqualTo(current.medianShortfall());
    assertThat(changed.meanShortfall()).isEqualTo(current.meanShortfall());
    assertThat(changed.goalDate()).isEqualTo(current.goalDate());
    assertThat(answer.delta()).isEqualTo(new WhatIfDelta(0, 0, 0, 0, 0, 0));
    assertThat(answer.findingsAdded()).isEmpty();
    assertThat(answer.findingsRemoved()).isEmpty();
    // At the version's own paths the current side is the stored projection, bit for bit.
    assertThat(current.successProbability())
        .isEqualTo(THIRTY_FIVE.projection().successProbability());
    assertThat(current.bands()).isEqualTo(THIRTY_FIVE.projection().bands());
    assertThat(answer.seed()).isEqualTo(THIRTY_FIVE.projection().seed());
    assertThat(answer.paths()).isEqualTo(2_000);
    assertThat(answer.model()).isEqualTo(THIRTY_FIVE.projection().model());
  }

  @Test
  void retiringLaterNeverLowersSuccessWithTheSameSeed() {
    List<PlanSubject> households =
        List.of(
            THIRTY_FIVE,
            WhatIfSubjects.fortyYears(2_000),
            WhatIfSubjects.retirement(
                50, 120_000, 300_000, 62, 1_600_000, RiskTolerance.CONSERVATIVE, 2_000),
            WhatIfSubjects.retirement(
                40, 90_000, 100_000, 65, 2_000_000, RiskTolerance.MODERATE, 2_000),
            WhatIfSubjects.houseDeposit());
    for (PlanSubject household : households) {
      double stored = household.projection().successProbability();
      double previous = stored;
      for (int years = 1; years <= 5; years++) {
        WhatIfAnswer later = WhatIf.answer(household, goalYears(years), 2_000);
        assertThat(later.current().successProbability()).isEqualTo(stored);
        assertThat(later.changed().successProbability())
            .as("%s, %d years later", household.projection().goal(), years)
            .isGreaterThanOrEqualTo(stored)
            .isGreaterThanOrEqualTo(previous);
        previous = later.changed().successProbability();
        assertThat(later.changed().years()).isEqualTo(later.current().years() + years);
      }
    }
  }

  @Test
  void retiringEarlierSeesTheSameMarketsInTheCommonYears() {
    WhatIfAnswer earlier = WhatIf.answer(THIRTY_FIVE, goalYears(-3), 2_000);
    assertThat(earlier.changed().goalDate())
        .isEqualTo(THIRTY_FIVE.projection().targetDate().minusYears(3));
    assertThat(earlier.changed().years()).isEqualTo(27);
    // Same contributions and allocation until the glide path de-risks earlier, same draws.
    assertThat(earlier.changed().bands().subList(0, 2))
        .isEqualTo(earlier.current().bands().subList(0, 2));
    assertThat(earlier.changed().successProbability())
        .isLessThan(earlier.current().successProbability());
    assertThat(earlier.current().successProbability())
        .isEqualTo(THIRTY_FIVE.projection().successProbability());
  }

  @Test
  void aGoalDateTooSoonOrTooFarIsRefusedNamingTheField() {
    assertThatThrownBy(() -> WhatIf.answer(THIRTY_FIVE, goalYears(-30), 2_000))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        err -> {
                          assertThat(err.field()).isEqualTo("change.goalYears");
                          assertThat(err.message()).contains("less than one year after 2026-01-15");
                        }));
    assertThatThrownBy(() -> WhatIf.answer(THIRTY_FIVE, goalYears(25), 2_000))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .singleElement()
                    .satisfies(
                        err -> {
                          assertThat(err.field()).isEqualTo("change.goalYears");
                          assertThat(err.message()).contains("50-year horizon limit");
                        }));
    assertThatThrownBy(() -> WhatIf.answer(THIRTY_FIVE, Change.none(), 99))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("paths"));
    assertThatThrownBy(
            () ->
                WhatIf.answer(
                    THIRTY_FIVE,
                    new Change(null, null, new BigDecimal("1.5"), null, null, null),
                    2_000))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactly("change.marketFall"));
  }

  @Test
  void moreSavingIsAddedEveryMonthOfTheHorizonAndLessNeverGoesBelowZero() {
    ProjectionRequest stored = THIRTY_FIVE.baseline().build();
    ProjectionRequest more = WhatIfScenario.of(THIRTY_FIVE, saving(500)).changed(2_000);
    for (int age = 35; age < 65; age++) {
      assertThat(annualContribution(more, age))
          .isEqualTo(annualContribution(stored, age) + 6_000, within(1e-6));
    }
    ProjectionRequest none = WhatIfScenario.of(THIRTY_FIVE, saving(-1_000_000)).changed(2_000);
    assertThat(none.cashFlows()).isEmpty();
    WhatIfAnswer answer = WhatIf.answer(THIRTY_FIVE, saving(500), 2_000);
    assertThat(answer.current().successProbability()).isEqualTo(0.947);
    assertThat(answer.changed().successProbability()).isEqualTo(0.9735);
    assertThat(answer.delta().medianWealthAtGoal()).isPositive();
    // The household cannot afford $500 more a month: the verifier says so.
    assertThat(answer.findingsAdded())
        .extracting(Finding::code)
        .containsExactly(RuleCode.CASH_FLOW_NEGATIVE);
  }

  @Test
  void addedYearsKeepTheLastYearsSavingRate() {
    ProjectionRequest stored = THIRTY_FIVE.baseline().build();
    ProjectionRequest later = WhatIfScenario.of(THIRTY_FIVE, goalYears(4)).changed(2_000);
    assertThat(later.years()).isEqualTo(34);
    for (int age = 35; age < 64; age++) {
      assertThat(annualContribution(later, age)).isEqualTo(annualContribution(stored, age));
    }
    for (int age = 64; age < 69; age++) {
      assertThat(annualContribution(later, age)).isEqualTo(annualContribution(stored, 64));
    }
  }

  private static double annualContribution(ProjectionRequest request, int age) {
    return request.cashFlows().stream()
        .filter(f -> f.direction() == CashFlow.Direction.CONTRIBUTION)
        .filter(f -> age >= f.fromAge() && age < f.untilAge())
        .mapToDouble(CashFlow::annualAmount)
        .sum();
  }

  @Test
  void aMarketFallOrHigherInflationLowersSuccessAndALumpSumRaisesIt() {
    double base = THIRTY_FIVE.projection().successProbability();
    WhatIfAnswer fall =
        WhatIf.answer(
            THIRTY_FIVE, new Change(null, null, new BigDecimal("0.30"), null, null, null), 2_000);
    assertThat(fall.changed().successProbability()).isLessThan(base);
    assertThat(fall.changed().model()).contains("equities -30.0% in year 1");
    assertThat(fall.changed().bands().get(1).p50()).isLessThan(fall.current().bands().get(1).p50());
    WhatIfAnswer inflation =
        WhatIf.answer(
            THIRTY_FIVE, new Change(null, null, null, new BigDecimal("0.02"), null, null), 2_000);
    assertThat(inflation.changed().successProbability()).isEqualTo(0.768);
    assertThat(inflation.findingsAdded())
        .extracting(Finding::code, Finding::severity)
        .containsExactly(tuple(RuleCode.LOW_SUCCESS_PROBABILITY, Severity.WARNING));
    WhatIfAnswer lump =
        WhatIf.answer(
            THIRTY_FIVE, new Change(null, null, null, null, Money.usd(100_000), null), 2_000);
    assertThat(lump.changed().successProbability()).isGreaterThan(base);
    assertThat(lump.changed().bands().get(0).p50())
        .isEqualTo(THIRTY_FIVE.projection().inputs().startingBalance() + 100_000);
    WhatIfAnswer out =
        WhatIf.answer(
            THIRTY_FIVE, new Change(null, null, null, null, Money.usd(-10_000_000), null), 2_000);
    assertThat(out.changed().bands().get(0).p50()).isZero();
  }

  @Test
  void theFindingsAChangeWouldAddOrRemoveComeFromTheVerifier() {
    Allocation allEquity = new Allocation(Map.of(AssetClass.US_LARGE_CAP, BigDecimal.ONE));
    WhatIfAnswer risky =
        WhatIf.answer(THIRTY_FIVE, new Change(null, null, null, null, null, allEquity), 2_000);
    assertThat(risky.findingsAdded())
        .extracting(Finding::code)
        .contains(RuleCode.RISK_TOLERANCE_MISMATCH);
    assertThat(risky.changed().findingCodes()).contains(RuleCode.RISK_TOLERANCE_MISMATCH);
    assertThat(risky.current().findingCodes()).doesNotContain(RuleCode.RISK_TOLERANCE_MISMATCH);
    WhatIfAnswer less = WhatIf.answer(THIRTY_FIVE, saving(-1_000_000), 2_000);
    assertThat(less.findingsAdded())
        .extracting(Finding::code)
        .contains(RuleCode.LOW_SUCCESS_PROBABILITY);
  }
}

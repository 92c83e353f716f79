package dev.finpilot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.insight.Recommendation.Kind;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommenderTest {

  @Test
  void noEmergencyFundAndA24PercentCardComeFirstFundThenCard() {
    PlanSubject subject = new RecommendHouseholds().cash(0).card(6_000, "0.24", 180).subject();

    List<Recommendation> list = Recommender.recommend(subject);

    assertThat(list)
        .extracting(Recommendation::kind)
        .startsWith(Kind.EMERGENCY_FUND, Kind.HIGH_INTEREST_DEBT);
    // 3 months (the policy's) x $3,200 of essential expenses, none of it held.
    assertThat(list.get(0).amount()).isEqualTo(Money.usd(9_600));
    assertThat(list.get(0).detail()).contains("Cash of $0 covers 0.0 months", "$9,600");
    // $6,000 x 24% = $1,440 of interest a year.
    assertThat(list.get(1).amount()).isEqualTo(Money.usd(1_440));
    assertThat(list.get(1).detail()).contains("visa", "$6,000", "24% APR", "$1,440");
    assertThat(list.get(1).source().key()).isEqualTo("guideline_high_interest_debt");
  }

  @Test
  void withTheStarterFundInPlaceTheCardComesBeforeTheFullFund() {
    PlanSubject subject = new RecommendHouseholds().cash(2_000).card(6_000, "0.24", 180).subject();

    List<Recommendation> list = Recommender.recommend(subject);

    assertThat(list)
        .extracting(Recommendation::kind)
        .startsWith(Kind.HIGH_INTEREST_DEBT, Kind.EMERGENCY_FUND);
    assertThat(list.get(1).amount()).isEqualTo(Money.usd(7_600));
  }

  @Test
  void aCardBelowTheHighInterestLineAndAFullFundAreNotRecommended() {
    PlanSubject subject = new RecommendHouseholds().cash(20_000).card(6_000, "0.06", 180).subject();

    assertThat(Recommender.recommend(subject))
        .extracting(Recommendation::kind)
        .doesNotContain(Kind.EMERGENCY_FUND, Kind.HIGH_INTEREST_DEBT);
  }

  @Test
  void theMatchLeftOnTheTableIsCountedAtThePlansDeferral() {
    PlanSubject full = new RecommendHouseholds().cash(20_000).subject();
    PlanSubject subject = withoutContributions(full, Set.of(AccountType.EMPLOYER_401K));

    Recommendation match = only(Recommender.recommend(subject), Kind.EMPLOYER_MATCH);

    // Full-match deferral: $95,000 x 6% / 12 = $475.00 a month; 50% of it unclaimed for 12 months.
    assertThat(match.amount()).isEqualTo(Money.usd(2_850));
    assertThat(match.detail()).contains("$475.00 a month", "$2,850");
    // The deferral plus the match it earns: $475.00 + $237.50.
    assertThat(match.tryIt())
        .isEqualTo(new Change(null, Money.usd("712.50"), null, null, null, null));
    assertThat(Recommender.recommend(full))
        .extracting(Recommendation::kind)
        .doesNotContain(Kind.EMPLOYER_MATCH);
  }

  @Test
  void roomLeftIsTheTaxYearsLimitLessThePlansContributionsWithTheTablesSource() {
    PlanSubject subject =
        withoutContributions(
            new RecommendHouseholds().cash(20_000).subject(),
            Set.of(AccountType.HSA, AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA));

    List<Recommendation> list = Recommender.recommend(subject);

    Recommendation hsa = only(list, Kind.HSA_ROOM);
    assertThat(hsa.amount()).isEqualTo(Money.usd(4_400));
    assertThat(hsa.source().text()).contains("Rev. Proc. 2025-19");
    assertThat(hsa.tryIt().monthlySaving()).isEqualTo(Money.usd("366.66"));
    Recommendation ira = only(list, Kind.IRA_ROOM);
    assertThat(ira.amount()).isEqualTo(Money.usd(7_500));
    assertThat(ira.source().text()).contains("Notice 2025-67");
    // HSA before IRA before 401(k) within the tier, the planner's default order.
    assertThat(list.indexOf(hsa)).isLessThan(list.indexOf(ira));
  }

  @Test
  void aLowSuccessGetsTheComputedSavingThatLiftsItToTheComfortableLevel() {
    RecommendHouseholds household = new RecommendHouseholds().cash(20_000);
    household.retirementTarget = Money.usd(4_000_000);
    PlanSubject subject = household.subject();
    assertThat(subject.projection().successProbability()).isLessThan(0.85);

    Recommendation lift = only(Recommender.recommend(subject), Kind.SUCCESS_PROBABILITY);

    Money monthly = lift.tryIt().monthlySaving();
    assertThat(lift.amount()).isEqualTo(monthly);
    assertThat(monthly.amount().remainder(java.math.BigDecimal.TEN).signum()).isZero();
    assertThat(successWithExtra(subject, monthly)).isGreaterThanOrEqualTo(0.85);
    assertThat(
            successWithExtra(subject, monthly.minus(Money.usd(monthly.amount().longValue() / 2))))
        .isLessThan(0.86);
  }

  @Test
  void everyOpenFindingNotCoveredElsewhereIsRecommendedWithItsRuleAndSource() {
    RecommendHouseholds household = new RecommendHouseholds().cash(0).card(30_000, "0.24", 2_200);
    PlanSubject subject = household.subject();
    List<Recommendation> list = Recommender.recommend(subject);

    List<Finding> open =
        subject.verification().violations().stream()
            .filter(f -> f.code() != RuleCode.EMERGENCY_FUND_LOW)
            .filter(f -> f.code() != RuleCode.LOW_SUCCESS_PROBABILITY)
            .toList();
    assertThat(open).isNotEmpty();
    for (Finding f : open) {
      assertThat(list)
          .anySatisfy(
              r -> {
                assertThat(r.kind()).isEqualTo(Kind.FINDING);
                assertThat(r.rule()).isEqualTo(f.code().name());
                assertThat(r.source()).isEqualTo(f.source());
              });
    }
  }

  @Test
  void everyRecommendationIsRankedTiedToASourceAndDataAndDeterministic() {
    PlanSubject subject =
        withoutContributions(
            new RecommendHouseholds().cash(0).card(6_000, "0.24", 180).subject(),
            Set.of(AccountType.EMPLOYER_401K, AccountType.HSA));

    List<Recommendation> list = Recommender.recommend(subject);

    assertThat(list).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 0; i < list.size(); i++) {
      Recommendation r = list.get(i);
      assertThat(r.rank()).isEqualTo(i + 1);
      assertThat(r.data()).isNotEmpty();
      assertThat(r.tryItNote()).isNotBlank();
      assertThat(r.rule()).isNotBlank();
      if (i > 0) {
        assertThat(r.kind().tier()).isGreaterThanOrEqualTo(list.get(i - 1).kind().tier());
      }
    }
    assertThat(Recommender.recommend(subject)).isEqualTo(list);
  }

  @Test
  void withoutARetirementGoalRoomHasNoWhatIfAndSaysWhy() {
    RecommendHouseholds household = new RecommendHouseholds().cash(20_000);
    household.retirement = false;
    PlanSubject subject = household.subject();

    List<Recommendation> room =
        Recommender.recommend(subject).stream().filter(r -> r.kind().tier() <= 3).toList();

    assertThat(room).isNotEmpty();
    assertThat(room).allSatisfy(r -> assertThat(r.tryIt()).isNull());
    assertThat(room)
        .allSatisfy(r -> assertThat(r.tryItNote()).contains("the version projects 'buy a home'"));
  }

  @Test
  void recommendationsAndExplanationsSerialiseAsPlainJson() {
    PlanSubject subject = new RecommendHouseholds().cash(0).card(6_000, "0.24", 180).subject();

    JsonNode recommendations =
        JsonMapping.readTree(JsonMapping.write(Recommender.recommend(subject)));
    JsonNode explanation = JsonMapping.readTree(JsonMapping.write(Explainer.explain(subject)));

    assertThat(recommendations.get(0).get("kind").asText()).isEqualTo("EMERGENCY_FUND");
    assertThat(recommendations.get(0).get("amount").get("amount").decimalValue())
        .isEqualByComparingTo("9600");
    assertThat(recommendations.get(0).get("source").get("key").asText())
        .isEqualTo("guideline_emergency_fund");
    assertThat(recommendations.get(0).has("tryIt")).isFalse();
    assertThat(recommendations.get(0).get("tryItNote").asText()).startsWith("Cash set aside");
    assertThat(
            recommendations.get(2).get("tryIt").get("monthlySaving").get("amount").decimalValue())
        .isEqualByComparingTo("372.79");
    assertThat(explanation.get("sections").get(3).get("title").asText())
        .isEqualTo("The rules that shaped it");
    assertThat(explanation.get("sections").get(0).get("facts").get(0).get("source").asText())
        .isNotBlank();
  }

  static Recommendation only(List<Recommendation> list, Kind kind) {
    List<Recommendation> of = list.stream().filter(r -> r.kind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  private static double successWithExtra(PlanSubject subject, Money monthly) {
    ProjectionInputs in = subject.projection().inputs();
    return ProjectionEngine.project(
            subject
                .baseline()
                .cashFlow(
                    CashFlow.contribution(
                        monthly.toDouble() * 12,
                        in.startAge(),
                        in.startAge() + in.years(),
                        ValueBasis.TODAYS_DOLLARS))
                .build())
        .successProbability();
  }

  /** The subject with the plan's contributions to {@code accounts} removed, the rest unchanged. */
  static PlanSubject withoutContributions(PlanSubject s, Set<AccountType> accounts) {
    Plan p = s.plan();
    List<Contribution> kept =
        p.contributions().stream().filter(c -> !accounts.contains(c.account())).toList();
    Plan plan =
        new Plan(
            p.strategy(),
            kept,
            p.debtPayments(),
            p.debtPayoffMethod(),
            p.emergencyFundTarget(),
            p.glidePath(),
            p.withdrawals(),
            p.steps(),
            p.leverage(),
            p.dayTradesPerWeek(),
            p.privatePlacements(),
            p.successProbability());
    return new PlanSubject(
        s.version(),
        s.request(),
        plan,
        s.strategy(),
        s.candidates(),
        s.relaxations(),
        s.projection(),
        s.verification(),
        s.snapshot());
  }
}

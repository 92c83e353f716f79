package dev.finpilot.insight;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.projection.ScenarioGenerator;
import dev.finpilot.projection.YearBand;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Historical and hypothetical stress tests of a version (docs/insight.md section 3). Each stress is
 * three projections with the version's seed and paths: the goal's own (success and wealth at the
 * goal date), the whole path (to age {@value #RETIREMENT_UNTIL_AGE} with the household's spending
 * withdrawn after a retirement goal; the years to the goal otherwise) and the allocation alone (a
 * dollar invested, no cash flows). Every path draws the goal's years from the seed's stream, so the
 * goal's projection under no stress is the stored one.
 */
public final class StressTest {

  /** Retirement withdrawals are stressed until this age. */
  public static final int RETIREMENT_UNTIL_AGE = 95;

  private StressTest() {}

  public static StressReport run(PlanSubject subject) {
    ProjectionInputs inputs = subject.projection().inputs();
    int goalAge = inputs.startAge() + inputs.years();
    StressRetirement retirement = retirement(subject, goalAge);
    int pathYears =
        retirement == null ? inputs.years() : inputs.years() + retirement.untilAge() - goalAge;
    List<StressOutcome> scenarios = new ArrayList<>();
    for (StressScenario scenario : StressScenario.values()) {
      scenarios.add(outcome(subject, scenario, retirement, pathYears));
    }
    return new StressReport(
        subject.version(),
        inputs.seed(),
        paths(subject),
        subject.generator().description(),
        goalAge,
        inputs.targetAmount(),
        retirement,
        scenarios.get(0),
        scenarios.subList(1, scenarios.size()));
  }

  /** The retirement after a retirement goal's date; null for other goals or past the age. */
  private static StressRetirement retirement(PlanSubject subject, int goalAge) {
    if (subject.projection().goalType() != GoalType.RETIREMENT || goalAge >= RETIREMENT_UNTIL_AGE) {
      return null;
    }
    double spending = subject.request().state().expenses().total().toDouble() * 12;
    return new StressRetirement(spending, goalAge, RETIREMENT_UNTIL_AGE, "today's dollars");
  }

  private static StressOutcome outcome(
      PlanSubject subject, StressScenario scenario, StressRetirement retirement, int pathYears) {
    ProjectionInputs inputs = subject.projection().inputs();
    ScenarioGenerator returns =
        scenario.apply(
            ScenarioGenerator.over(subject.generator())
                .sharingYears(inputs.years(), inputs.seed()));
    ProjectionResult goal = ProjectionEngine.project(request(subject, returns).build());
    ProjectionResult path = goal;
    if (retirement != null) {
      path =
          ProjectionEngine.project(
              request(subject, returns)
                  .years(pathYears)
                  .cashFlow(
                      CashFlow.withdrawal(
                          retirement.annualSpending(),
                          retirement.fromAge(),
                          retirement.untilAge(),
                          ValueBasis.TODAYS_DOLLARS))
                  .target(0, inputs.targetBasis())
                  .build());
    }
    ProjectionResult market =
        ProjectionEngine.project(
            request(subject, returns)
                .years(pathYears)
                .startingBalance(1)
                .cashFlows(List.of())
                .target(0, inputs.targetBasis())
                .build());
    return outcome(subject, scenario, returns, goal, path, market, pathYears);
  }

  /** The version's request on {@code returns}, at its paths up to {@link WhatIf#MAX_PATHS}. */
  private static ProjectionRequest.Builder request(PlanSubject subject, ScenarioGenerator returns) {
    return subject.baseline().generator(returns).paths(paths(subject));
  }

  private static int paths(PlanSubject subject) {
    return Math.min(subject.projection().inputs().paths(), WhatIf.MAX_PATHS);
  }

  private static StressOutcome outcome(
      PlanSubject subject,
      StressScenario scenario,
      ScenarioGenerator returns,
      ProjectionResult goal,
      ProjectionResult path,
      ProjectionResult market,
      int pathYears) {
    int historical = returns.historicalYears(pathYears);
    Integer start = scenario.startYear();
    YearBand atGoal = goal.finalBand();
    double target = subject.projection().inputs().targetAmount();
    return new StressOutcome(
        scenario,
        scenario.kind(),
        scenario.description(),
        start,
        historical,
        pathYears - historical,
        replayed(start, historical),
        goal.successProbability(),
        goal.successProbability() - subject.projection().successProbability(),
        atGoal.p10(),
        atGoal.p50(),
        atGoal.p90(),
        atGoal.p50() >= target,
        StressDrawdown.ofMedian(path.bands()),
        StressDrawdown.ofMedian(market.bands()),
        StressDepletion.of(path.bands(), subject.request().asOf().getYear(), start, historical),
        goal.model());
  }

  private static List<StressYear> replayed(Integer start, int years) {
    if (start == null) {
      return List.of();
    }
    HistoricalReturns data = HistoricalReturns.embedded();
    return IntStream.range(0, years).mapToObj(y -> StressYear.of(data, y, start + y)).toList();
  }
}

package dev.finpilot.insight;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.SimulatedPaths;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Sequence-of-returns risk: how much the returns of the first five years of withdrawals decide a
 * retirement. The version's projection stops at the goal date, so this runs a longer one (same
 * inputs, seed, paths and returns generator; its paths are drawn afresh for the longer horizon)
 * with the household's spending, its monthly expenses times 12 in today's dollars, withdrawn from
 * the goal date until {@link #LAST_AGE}, as the stress tests do. The paths are ranked by the
 * allocation's real growth over the five years after the goal date; the worst fifth and the best
 * fifth are set side by side.
 *
 * @param applies false for goals that are not retirement: they are spent at their date, not drawn
 *     down over years, so no withdrawals follow whose order of returns could matter
 * @param note the finding, or why it does not apply, in plain words
 * @param annualSpending dollars a year withdrawn, in today's dollars
 * @param successProbability share of all paths whose money lasts to {@code untilAge}
 * @param worstFifth the fifth of paths with the lowest five-year returns
 * @param bestFifth the fifth with the highest
 */
public record RiskSequence(
    boolean applies,
    String note,
    Integer retirementAge,
    Integer untilAge,
    Double annualSpending,
    Double successProbability,
    Quintile worstFifth,
    Quintile bestFifth) {

  /** The age withdrawals are planned to, as in the stress tests. */
  public static final int LAST_AGE = 95;

  /** The years after the goal date whose returns are ranked. */
  public static final int YEARS = 5;

  /**
   * One fifth of the paths.
   *
   * @param lowestReturn lowest annualised real return of the five years in this fifth
   * @param highestReturn highest likewise
   * @param successProbability share of its paths whose money lasts
   * @param medianWealth median wealth left at {@code untilAge}, in today's dollars
   */
  public record Quintile(
      double lowestReturn, double highestReturn, double successProbability, double medianWealth) {}

  static RiskSequence of(PlanSubject subject) {
    GoalType type = subject.projection().goalType();
    if (type != GoalType.RETIREMENT) {
      return new RiskSequence(
          false,
          "Does not apply: a "
              + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " goal is spent at its date, not drawn down over years, so no withdrawals follow"
              + " whose order of returns could matter.",
          null,
          null,
          null,
          null,
          null,
          null);
    }
    ProjectionInputs inputs = subject.projection().inputs();
    int retirementAge = inputs.startAge() + inputs.years();
    int untilAge = Math.max(LAST_AGE, retirementAge + YEARS);
    double spending = subject.request().state().expenses().total().times(12).toDouble();
    ProjectionRequest request =
        subject
            .baseline()
            .years(untilAge - inputs.startAge())
            .cashFlow(
                CashFlow.withdrawal(spending, retirementAge, untilAge, ValueBasis.TODAYS_DOLLARS))
            .target(0, ValueBasis.TODAYS_DOLLARS)
            .reportIn(ValueBasis.TODAYS_DOLLARS)
            .build();
    SimulatedPaths paths = ProjectionEngine.simulate(request);
    int n = paths.paths();
    double[] fiveYears = new double[n];
    for (int p = 0; p < n; p++) {
      double growth = 1;
      for (int y = inputs.years() + 1; y <= inputs.years() + YEARS; y++) {
        growth *= paths.marketGrowth(p, y);
      }
      fiveYears[p] = Math.pow(growth, 1.0 / YEARS) - 1;
    }
    Integer[] ranked = new Integer[n];
    Arrays.setAll(ranked, p -> p);
    Arrays.sort(ranked, Comparator.comparingDouble(p -> fiveYears[p]));
    int fifth = Math.max(1, n / 5);
    Quintile worst = quintile(paths, fiveYears, Arrays.copyOfRange(ranked, 0, fifth));
    Quintile best = quintile(paths, fiveYears, Arrays.copyOfRange(ranked, n - fifth, n));
    double success = paths.result().successProbability();
    return new RiskSequence(
        true,
        String.format(
            "Withdrawing $%,.0f a year (today's dollars) from age %d to %d: when the first five"
                + " years return %.1f%% a year or less after inflation (the worst fifth of paths),"
                + " the money lasts in %.0f%% of them; when they return %.1f%% or more (the best"
                + " fifth), in %.0f%%. Over all paths: %.0f%%.",
            spending,
            retirementAge,
            untilAge,
            100 * worst.highestReturn(),
            100 * worst.successProbability(),
            100 * best.lowestReturn(),
            100 * best.successProbability(),
            100 * success),
        retirementAge,
        untilAge,
        spending,
        success,
        worst,
        best);
  }

  private static Quintile quintile(SimulatedPaths paths, double[] fiveYears, Integer[] members) {
    double[] wealth = new double[members.length];
    int lasted = 0;
    for (int i = 0; i < members.length; i++) {
      int p = members[i];
      wealth[i] = paths.wealth(p, paths.years());
      lasted += paths.succeeded(p) ? 1 : 0;
    }
    Arrays.sort(wealth);
    return new Quintile(
        fiveYears[members[0]],
        fiveYears[members[members.length - 1]],
        (double) lasted / members.length,
        RiskPercentiles.at(wealth, 50));
  }
}

package dev.finpilot.insight;

import dev.finpilot.domain.ValueBasis;
import dev.finpilot.market.HistoricalReturns;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.SimulatedPaths;
import java.util.List;

/**
 * Risk analytics of a plan version: value at risk and expected shortfall, drawdowns, Sharpe and
 * Sortino ratios, concentration and sequence-of-returns risk (docs/insight.md section 4).
 * Deterministic: the version's seed and paths decide every simulated figure.
 */
public final class RiskAnalysis {

  private static final String HOLDINGS =
      "The household's own holdings by asset class are not known: an account carries its type and"
          + " balance only, so the asset-class mix measured is the plan's.";

  private RiskAnalysis() {}

  public static RiskReport analyse(PlanSubject subject) {
    ProjectionRequest request = subject.baseline().build();
    SimulatedPaths paths = ProjectionEngine.simulate(request);
    ProjectionInputs inputs = subject.projection().inputs();
    int lastYearAge = inputs.startAge() + inputs.years() - 1;
    HistoricalReturns data = HistoricalReturns.embedded();
    return new RiskReport(
        subject.version(),
        subject.projection().goal(),
        paths.result().model(),
        request.seed(),
        paths.paths(),
        paths.years(),
        request.reportBasis(),
        tails(paths),
        RiskDrawdown.of(paths),
        List.of(
            RiskRatios.of(
                "first plan year",
                inputs.startAge(),
                inputs.glidePath().allocationAt(inputs.startAge()),
                data),
            RiskRatios.of(
                "goal date", lastYearAge, inputs.glidePath().allocationAt(lastYearAge), data)),
        RiskConcentration.ofAccounts(subject.request().state().accounts()),
        RiskConcentration.ofAllocation(inputs.glidePath().allocationAt(inputs.startAge())),
        HOLDINGS,
        RiskSequence.of(subject));
  }

  /**
   * The three losses, path by path. Cash flows count at their scheduled amounts, which are in the
   * report basis when, as in every plan version, they are in today's dollars.
   */
  private static List<RiskTail> tails(SimulatedPaths paths) {
    ProjectionRequest request = paths.request();
    String basis =
        request.reportBasis() == ValueBasis.TODAYS_DOLLARS ? "today's dollars" : "nominal dollars";
    int n = paths.paths();
    int years = paths.years();
    double start = request.startingBalance();
    double firstYearIn = start + netFlow(request, request.startAge());
    double allIn = start;
    for (int y = 0; y < years; y++) {
      allIn += netFlow(request, request.startAge() + y);
    }
    double[] oneYear = new double[n];
    double[] againstTarget = new double[n];
    double[] againstMoneyIn = new double[n];
    for (int p = 0; p < n; p++) {
      double terminal = paths.wealth(p, years);
      oneYear[p] = firstYearIn - paths.wealth(p, 1);
      againstTarget[p] = paths.target(p) - terminal;
      againstMoneyIn[p] = allIn - terminal;
    }
    return List.of(
        RiskTail.of(
            RiskTail.Measure.ONE_YEAR,
            "Starting balance plus the first year's contributions less its withdrawals, less the"
                + " wealth at the end of that year, in "
                + basis,
            oneYear),
        RiskTail.of(
            RiskTail.Measure.HORIZON_AGAINST_TARGET,
            "The target less the wealth at the goal date, in " + basis,
            againstTarget),
        RiskTail.of(
            RiskTail.Measure.HORIZON_AGAINST_MONEY_PUT_IN,
            "Starting balance plus every contribution less every withdrawal, with no growth, less"
                + " the wealth at the goal date, in "
                + basis,
            againstMoneyIn));
  }

  /** Contributions less withdrawals scheduled for the plan year starting at {@code age}. */
  private static double netFlow(ProjectionRequest request, int age) {
    double net = 0;
    for (CashFlow flow : request.cashFlows()) {
      if (age >= flow.fromAge() && age < flow.untilAge()) {
        net +=
            flow.direction() == CashFlow.Direction.CONTRIBUTION
                ? flow.annualAmount()
                : -flow.annualAmount();
      }
    }
    return net;
  }
}

package dev.finpilot.benchmarks;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.BootstrapGenerator;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.LognormalGenerator;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.RollingWindowGenerator;
import dev.finpilot.projection.StepFrequency;

/**
 * The projection budgets' scenarios (docs/benchmarks.md): 10,000 paths over 40 years of a two-asset
 * 60/40 portfolio (S&P 500 and 10-year Treasuries), saving $20,000 a year from 45 until 65 and
 * spending $60,000 a year from 65, in today's dollars.
 */
final class Scenarios {

  private Scenarios() {}

  private static ProjectionRequest.Builder base() {
    return ProjectionRequest.builder()
        .startingBalance(250_000)
        .allocation(Allocation.of("0.60", "0.40", "0"))
        .startAge(45)
        .years(40)
        .cashFlow(CashFlow.contribution(20_000, 45, 65, ValueBasis.TODAYS_DOLLARS))
        .cashFlow(CashFlow.withdrawal(60_000, 65, 120, ValueBasis.TODAYS_DOLLARS))
        .paths(10_000)
        .seed(42);
  }

  /** Budget: under 10 ms on one core. */
  static ProjectionRequest lognormalAnnual() {
    return base().generator(LognormalGenerator.fitted()).build();
  }

  /** Budget: under 100 ms on one core (480 monthly steps). */
  static ProjectionRequest lognormalMonthly() {
    return base().generator(LognormalGenerator.fitted()).frequency(StepFrequency.MONTHLY).build();
  }

  /** Budget: under 5 ms on one core. */
  static ProjectionRequest bootstrapAnnual() {
    return base().generator(BootstrapGenerator.embedded()).build();
  }

  /** No budget: every 40-year window of 1928-2025 (59 paths), for reference. */
  static ProjectionRequest rollingBacktest() {
    return base().generator(RollingWindowGenerator.embedded()).build();
  }
}

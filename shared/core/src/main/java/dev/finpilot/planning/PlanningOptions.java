package dev.finpilot.planning;

import dev.finpilot.domain.Validation;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.projection.BootstrapGenerator;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ReturnGenerator;

/**
 * How hard the planner works.
 *
 * @param paths Monte Carlo paths per projection (10,000 by default)
 * @param generator where returns come from: the bootstrap of the embedded history shifted to a
 *     market snapshot's means, by default the historical snapshot's (no shift)
 * @param seed the projections' seed; null derives it from the request, so the same request always
 *     gives the same result
 * @param maxRepairRounds how often one candidate may be rebuilt to clear verifier findings
 * @param maxReplanRounds replanning rounds after which the planner stops escalating its changes
 */
public record PlanningOptions(
    int paths, ReturnGenerator generator, Long seed, int maxRepairRounds, int maxReplanRounds) {

  public static final int DEFAULT_REPAIR_ROUNDS = 3;
  public static final int DEFAULT_REPLAN_ROUNDS = 3;

  public PlanningOptions {
    Validation v = new Validation();
    v.between(paths, 1, ProjectionRequest.MAX_PATHS, "options.paths");
    v.notNull(generator, "options.generator");
    v.between(maxRepairRounds, 0, 10, "options.maxRepairRounds");
    v.between(maxReplanRounds, 1, 10, "options.maxReplanRounds");
    v.throwIfInvalid();
  }

  public static PlanningOptions defaults() {
    return new PlanningOptions(
        ProjectionRequest.DEFAULT_PATHS,
        BootstrapGenerator.of(MarketSnapshot.historical()),
        null,
        DEFAULT_REPAIR_ROUNDS,
        DEFAULT_REPLAN_ROUNDS);
  }

  public PlanningOptions withPaths(int count) {
    return new PlanningOptions(count, generator, seed, maxRepairRounds, maxReplanRounds);
  }

  public PlanningOptions withGenerator(ReturnGenerator returns) {
    return new PlanningOptions(paths, returns, seed, maxRepairRounds, maxReplanRounds);
  }

  /** Plans in {@code snapshot}'s market: the bootstrap shifted to its means. */
  public PlanningOptions withSnapshot(MarketSnapshot snapshot) {
    return withGenerator(BootstrapGenerator.of(snapshot));
  }

  public PlanningOptions withSeed(long value) {
    return new PlanningOptions(paths, generator, value, maxRepairRounds, maxReplanRounds);
  }
}

package dev.finpilot.planning;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.projection.YearBand;
import java.time.LocalDate;
import java.util.List;

/**
 * The chosen plan's Monte Carlo projection toward its primary goal, as plain fields and lists so it
 * serialises to JSON as is.
 *
 * @param goal the goal's description, or its type when it has none
 * @param model what produced the returns (method and data edition)
 * @param bands wealth percentiles per plan year, year 0 being today
 * @param reportBasis the basis of every amount in the bands and shortfall
 * @param shortfallProbability share of paths that missed the target
 * @param medianShortfall median dollars missed by the failing paths
 * @param meanShortfall mean dollars missed by the failing paths
 * @param medianDepletionYear plan year by which half the depleted paths had run out, or null
 * @param inputs what the projection was computed from; null for versions stored before they were
 *     kept
 */
public record PlanProjection(
    String goal,
    GoalType goalType,
    Money targetAmount,
    ValueBasis targetBasis,
    LocalDate targetDate,
    String model,
    long seed,
    int paths,
    int years,
    ValueBasis reportBasis,
    double successProbability,
    List<YearBand> bands,
    double shortfallProbability,
    double medianShortfall,
    double meanShortfall,
    double depletionProbability,
    Integer medianDepletionYear,
    ProjectionInputs inputs) {

  public PlanProjection {
    bands = List.copyOf(bands);
  }

  static PlanProjection of(ProjectedGoal goal, ProjectionRequest request, ProjectionResult result) {
    return new PlanProjection(
        goal.label(),
        goal.type(),
        goal.target(),
        goal.basis(),
        goal.date(),
        result.model(),
        result.seed(),
        result.paths(),
        result.years(),
        result.reportBasis(),
        result.successProbability(),
        result.bands(),
        result.shortfall().probability(),
        result.shortfall().median(),
        result.shortfall().mean(),
        result.shortfall().depletionProbability(),
        result.shortfall().medianDepletionYear().isPresent()
            ? result.shortfall().medianDepletionYear().getAsInt()
            : null,
        ProjectionInputs.of(request));
  }
}

package dev.finpilot.projection;

import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.ValueBasis;
import java.util.List;

/**
 * What a version's projection was computed from, without the return generator (that follows from
 * the version's market snapshot). Kept with the projection so the version can be projected again,
 * or changed one input at a time (what-if, stress tests), without running the planner.
 */
public record ProjectionInputs(
    double startingBalance,
    GlidePath glidePath,
    int startAge,
    int years,
    StepFrequency frequency,
    List<CashFlow> cashFlows,
    double targetAmount,
    ValueBasis targetBasis,
    ValueBasis reportBasis,
    int paths,
    long seed) {

  public ProjectionInputs {
    cashFlows = cashFlows == null ? List.of() : List.copyOf(cashFlows);
  }

  public static ProjectionInputs of(ProjectionRequest request) {
    return new ProjectionInputs(
        request.startingBalance(),
        request.glidePath(),
        request.startAge(),
        request.years(),
        request.frequency(),
        request.cashFlows(),
        request.targetAmount(),
        request.targetBasis(),
        request.reportBasis(),
        request.paths(),
        request.seed());
  }

  /** The request these inputs describe, with returns from {@code generator}. */
  public ProjectionRequest.Builder toRequest(ReturnGenerator generator) {
    return ProjectionRequest.builder()
        .startingBalance(startingBalance)
        .glidePath(glidePath)
        .startAge(startAge)
        .years(years)
        .frequency(frequency)
        .cashFlows(cashFlows)
        .target(targetAmount, targetBasis)
        .reportIn(reportBasis)
        .generator(generator)
        .paths(paths)
        .seed(seed);
  }
}

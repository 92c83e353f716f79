package dev.finpilot.projection;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Validation;
import dev.finpilot.projection.ReturnGenerator.PathSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Monte Carlo projection engine: one call, one request, one result. Single-threaded and
 * deterministic: the same request (seed included) gives a bit-for-bit identical result. Safe to
 * call from many threads at once; each call uses its own buffers.
 */
public final class ProjectionEngine {

  private ProjectionEngine() {}

  /**
   * Projects the request.
   *
   * @throws dev.finpilot.domain.ValidationException listing every invalid field, including what the
   *     chosen generator cannot serve (for example monthly steps on annual history)
   */
  public static ProjectionResult project(ProjectionRequest request) {
    return new Simulation(request, validSpec(request), false).run();
  }

  /**
   * Projects the request and keeps every path: the same result as {@link #project} (same paths, bit
   * for bit) with each path's year-end wealth, market growth, depletion and success, for analyses
   * that need more than the percentile bands (value at risk, drawdowns).
   *
   * @throws dev.finpilot.domain.ValidationException as {@link #project} does
   */
  public static SimulatedPaths simulate(ProjectionRequest request) {
    Simulation simulation = new Simulation(request, validSpec(request), true);
    return simulation.paths(simulation.run());
  }

  private static PathSpec validSpec(ProjectionRequest request) {
    Validation v = new Validation();
    v.addAll(request.validate());
    PathSpec spec = null;
    if (v.errors().isEmpty()) {
      spec = specOf(request);
      v.addAll(request.generator().validate(spec));
    }
    v.throwIfInvalid();
    return spec;
  }

  private static PathSpec specOf(ProjectionRequest request) {
    Set<AssetClass> used = EnumSet.noneOf(AssetClass.class);
    GlidePath path = request.glidePath();
    for (int y = 0; y < request.years(); y++) {
      Allocation allocation = path.allocationAt(request.startAge() + y);
      used.addAll(allocation.weights().keySet());
    }
    return new PathSpec(
        new ArrayList<>(used),
        request.years(),
        request.frequency().stepsPerYear(),
        request.allInTodaysDollars());
  }
}

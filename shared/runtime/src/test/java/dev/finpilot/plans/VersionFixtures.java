package dev.finpilot.plans;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.planning.ReasoningTrace;
import dev.finpilot.planning.SearchStatus;
import dev.finpilot.planning.Strategy;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.VerificationReport;
import java.time.LocalDate;
import java.util.List;

/** Small, valid agent results for plan versions in tests: one number each tests can tell apart. */
public final class VersionFixtures {
  private VersionFixtures() {}

  /** A balanced plan chosen with {@code score}, its strategy the trace's first node. */
  public static PlanReasoning reasoning(double score) {
    ReasoningTrace trace =
        new ReasoningTrace(
            List.of(
                new ReasoningTrace.Node(
                    "n0",
                    ReasoningTrace.Kind.STRATEGY,
                    "balanced",
                    SearchStatus.CHOSEN,
                    score,
                    "the best score")),
            List.of());
    return new PlanReasoning(
        Strategy.BALANCED,
        score,
        0.8,
        1,
        Outcome.APPROVED.name(),
        trace,
        List.of(),
        List.of(),
        List.of(),
        Money.usd(1_000),
        List.of(),
        null);
  }

  /** A retirement projection with {@code successProbability} and no bands. */
  public static PlanProjection projection(double successProbability) {
    return new PlanProjection(
        "retire at 65",
        GoalType.RETIREMENT,
        Money.usd(1_500_000),
        ValueBasis.TODAYS_DOLLARS,
        LocalDate.of(2056, 1, 5),
        "bootstrap",
        7,
        1_000,
        30,
        ValueBasis.TODAYS_DOLLARS,
        successProbability,
        List.of(),
        0.1,
        1_000,
        2_000,
        0.05,
        null,
        null);
  }

  /** A clean report: every check passed. */
  public static VerificationReport approved() {
    return new VerificationReport(2026, Outcome.APPROVED, List.of(), 13, 13, 0, 1);
  }
}

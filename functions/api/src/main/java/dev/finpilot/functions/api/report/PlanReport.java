package dev.finpilot.functions.api.report;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.insight.Explanation;
import dev.finpilot.planning.SearchStatus;
import dev.finpilot.planning.Strategy;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.verification.Evidence;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the plan report shows about one version of a plan, with every figure as the page
 * writes it: wealth bands in whole dollars, probabilities as the fractions the API answers
 * elsewhere. The JSON answer of {@code GET /v1/plans/{planId}/report} and the input of {@link
 * PlanReportPage}.
 *
 * @param version the version reported
 * @param goals the goals as submitted for this version
 * @param household the household as submitted for this version
 * @param chosen the chosen strategy and why; null for a version stored before its search was kept
 * @param projection null for a version without one
 * @param verification null until the verifier has run
 * @param alternatives every candidate of the search, the chosen one included
 * @param versions every version of the plan, oldest first
 * @param history every workflow transition of the plan, oldest first
 */
public record PlanReport(
    String planId,
    int version,
    PlanStatus status,
    String statusReason,
    List<Goal> goals,
    FinancialState household,
    Chosen chosen,
    Projection projection,
    Verification verification,
    List<Alternative> alternatives,
    List<VersionEntry> versions,
    List<PlanEvent> history) {

  public PlanReport {
    goals = List.copyOf(goals);
    alternatives = List.copyOf(alternatives);
    versions = List.copyOf(versions);
    history = List.copyOf(history);
  }

  /**
   * @param monthlySaving the plan's saving across all accounts, a month
   * @param explanation the insight explanation of the version; null when the version was stored
   *     before its projection inputs were kept, so it cannot be explained
   */
  public record Chosen(
      Strategy strategy,
      String description,
      Double score,
      Money monthlySaving,
      Explanation explanation) {}

  /**
   * The projection toward the primary goal.
   *
   * @param bands wealth percentiles per plan year, in whole dollars of {@code reportBasis}
   */
  public record Projection(
      String goal,
      Money targetAmount,
      ValueBasis targetBasis,
      LocalDate targetDate,
      ValueBasis reportBasis,
      double successProbability,
      String model,
      long seed,
      int paths,
      List<Band> bands) {

    public Projection {
      bands = List.copyOf(bands);
    }
  }

  /** Wealth at the end of plan year {@code year}, when the investor is {@code age}. */
  public record Band(
      int year,
      int age,
      BigDecimal p10,
      BigDecimal p25,
      BigDecimal p50,
      BigDecimal p75,
      BigDecimal p90) {}

  public record Verification(
      Outcome outcome, String summary, int taxYear, List<FindingLine> findings) {

    public Verification {
      findings = List.copyOf(findings);
    }
  }

  /**
   * One verification finding with the limit it was held to and where that limit comes from.
   *
   * @param source the full citation of the rule or regulatory table
   */
  public record FindingLine(
      RuleCode code,
      Severity severity,
      String message,
      String measure,
      BigDecimal actual,
      BigDecimal limit,
      Evidence.Unit unit,
      String source,
      String remediation) {}

  /** One strategy the planner considered, as the search left it. */
  public record Alternative(
      Strategy strategy,
      SearchStatus status,
      boolean chosen,
      Double score,
      Double successProbability,
      String outcome,
      String reason) {}

  /**
   * One version of the plan.
   *
   * @param reason for the newest version the plan's status reason; for the others their
   *     verification summary (or why they were proposed)
   */
  public record VersionEntry(
      int number,
      Instant createdAt,
      VersionStatus status,
      Strategy strategy,
      Double successProbability,
      Outcome outcome,
      String reason) {}

  /** Where a version stands in its plan. */
  public enum VersionStatus {
    /** the version applied to the ledger and in force */
    IN_FORCE,
    /** the newest version, not in force: being worked on, awaiting approval, or final */
    NEWEST,
    /** an earlier version, not in force: replaced, declined or superseded by a later round */
    EARLIER
  }
}

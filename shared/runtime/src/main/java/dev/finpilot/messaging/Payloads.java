package dev.finpilot.messaging;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.planning.FindingToResolve;
import java.util.List;

/** The small payloads of each message type; big results live in the plans table. */
public final class Payloads {
  private Payloads() {}

  public record PlanSubmitted() {}

  public record RetrieveMarketData() {}

  /**
   * {@code source} names the providers the snapshot's readings came from ({@code embedded} when
   * none), {@code edition} the data set, {@code snapshotId} the market snapshot stored for
   * planning. A message sent before snapshots existed has no id and means the historical snapshot,
   * the only market there was then.
   */
  public record MarketDataRetrieved(String source, String edition, String snapshotId) {
    public MarketDataRetrieved {
      snapshotId = snapshotId == null ? MarketSnapshot.historical().id() : snapshotId;
    }
  }

  /**
   * {@code round} 1 is the first attempt; later rounds carry the findings to resolve. {@code
   * snapshotId} names the market snapshot to plan in; null means the previous version's (replanning
   * has no new snapshot), or the historical one when there is no previous version. {@code relaxing}
   * asks instead for a version that relaxes the goal (null otherwise, and in messages sent before
   * relaxed versions existed).
   */
  public record GeneratePlan(
      int round, List<FindingToResolve> findingsToResolve, String snapshotId, Relaxing relaxing) {
    public GeneratePlan {
      findingsToResolve = findingsToResolve == null ? List.of() : List.copyOf(findingsToResolve);
    }

    public GeneratePlan(int round, List<FindingToResolve> findingsToResolve, String snapshotId) {
      this(round, findingsToResolve, snapshotId, null);
    }

    /** A round in the previous version's market. */
    public GeneratePlan(int round, List<FindingToResolve> findingsToResolve) {
      this(round, findingsToResolve, null, null);
    }
  }

  /**
   * Which relaxed version to plan: the {@code rank}-th smallest relaxation (from 1) of version
   * {@code version}, the last one planned as asked.
   */
  public record Relaxing(int version, int rank) {}

  /**
   * {@code relaxations} name the constraints to change when no candidate could pass. {@code
   * proposal} says, for a relaxed version, what it changes and what that buys; a relaxed round that
   * finds no relaxation left to propose answers with a null {@code strategy} and stores no version.
   */
  public record PlanGenerated(
      String strategy, double successProbability, List<String> relaxations, String proposal) {
    public PlanGenerated {
      relaxations = relaxations == null ? List.of() : List.copyOf(relaxations);
    }

    public PlanGenerated(String strategy, double successProbability, List<String> relaxations) {
      this(strategy, successProbability, relaxations, null);
    }

    /** Whether a version was planned: false when a relaxed round had nothing left to propose. */
    public boolean planned() {
      return strategy != null;
    }
  }

  /**
   * @param triggerId set when a review re-verifies the active version: the answer names it, so an
   *     answer to an earlier verification of that same version is not taken for this one's
   */
  public record VerifyPlan(String triggerId) {
    public VerifyPlan() {
      this(null);
    }
  }

  /**
   * {@code outcome} is APPROVED, CONDITIONAL or REJECTED; {@code triggerId} is the one of the
   * {@link VerifyPlan} answered.
   */
  public record PlanVerified(String outcome, List<FindingToResolve> findings, String triggerId) {
    public PlanVerified {
      findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public PlanVerified(String outcome, List<FindingToResolve> findings) {
      this(outcome, findings, null);
    }

    /** Whether the plan passed: APPROVED, or CONDITIONAL (approved with findings to watch). */
    public boolean passed() {
      return !"REJECTED".equals(outcome);
    }
  }

  public record ExecutePlan(boolean dryRun) {}

  /** {@code refusal} says why the ledger refused the plan; null when it was applied. */
  public record PlanExecuted(int postings, String refusal) {
    public boolean applied() {
      return refusal == null;
    }
  }

  /** An agent gave up on a message: poison, or retries exhausted. */
  public record AgentFailed(String agent, String failedMessageType, String reason) {}

  /**
   * A trigger for a plan and what the review policy decided for it. A life event travels whole,
   * with the state its owner sent (if any), so that the workflow applies it to the plan's numbers
   * as they are when it is reviewed, not as they were when it was reported; both are null for a
   * market move. An owner's edit of the plan travels as {@code edit} (null otherwise, and in every
   * message sent before edits existed).
   */
  public record TriggerRaised(
      ReviewDecision decision, LifeEvent lifeEvent, FinancialState reportedState, PlanEdit edit) {

    public TriggerRaised(
        ReviewDecision decision, LifeEvent lifeEvent, FinancialState reportedState) {
      this(decision, lifeEvent, reportedState, null);
    }

    public static TriggerRaised market(ReviewDecision decision) {
      return new TriggerRaised(decision, null, null, null);
    }

    public static TriggerRaised edited(ReviewDecision decision, PlanEdit edit) {
      return new TriggerRaised(decision, null, null, edit);
    }

    /** Whether the plan's owner raised it (a life event or an edit), not the market. */
    public boolean byOwner() {
      return lifeEvent != null || edit != null;
    }
  }

  /**
   * The owner's new goals or household state for a plan; a null field is left as it is.
   *
   * @param state the household's state, replacing the plan's whole
   */
  public record PlanEdit(List<Goal> goals, FinancialState state) {
    public PlanEdit {
      goals = goals == null ? null : List.copyOf(goals);
    }

    /** What the edit changes, in words for the plan's history. */
    public String describe() {
      if (goals != null && state != null) {
        return "its owner edited the plan's goals and household";
      }
      return goals != null
          ? "its owner edited the plan's goals"
          : "its owner edited the plan's household";
    }
  }

  public record VersionApproved() {}

  public record VersionDeclined() {}
}

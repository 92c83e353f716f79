package dev.finpilot.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the orchestrator does with a plan after a compound trigger, and why.
 *
 * @param notifyUserNow tell the user at once (not only when a new version is ready)
 * @param actBy the deadline for the re-verification or replan
 */
public record ReviewDecision(
    String triggerId,
    String planId,
    Severity severity,
    ReviewAction action,
    Approval approval,
    boolean notifyUserNow,
    Instant actBy,
    List<String> reasons) {

  public ReviewDecision {
    reasons = List.copyOf(reasons);
  }

  public boolean requiresReverification() {
    return action != ReviewAction.MONITOR;
  }

  public boolean requiresReplan() {
    return action == ReviewAction.REPLAN;
  }

  /**
   * Whether a new version proposed under this decision may replace the current plan without the
   * user: only where the policy allows it and verification approved the new version outright.
   */
  public boolean mayApplyWithoutUser(boolean newVersionApproved) {
    return approval == Approval.AUTO_APPLY_IF_APPROVED && newVersionApproved;
  }

  /**
   * This decision and a later one on the same plan, reviewed together: the graver severity, action
   * and approval of the two, the earlier deadline, and both sets of reasons. The later trigger's id
   * names the combination.
   */
  public ReviewDecision with(ReviewDecision later) {
    List<String> both = new ArrayList<>(reasons);
    both.addAll(later.reasons());
    return new ReviewDecision(
        later.triggerId(),
        planId,
        severity.isAtLeast(later.severity()) ? severity : later.severity(),
        action.compareTo(later.action()) >= 0 ? action : later.action(),
        approval.compareTo(later.approval()) >= 0 ? approval : later.approval(),
        notifyUserNow || later.notifyUserNow(),
        actBy.isBefore(later.actBy()) ? actBy : later.actBy(),
        both);
  }
}

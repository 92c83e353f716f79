package dev.finpilot.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the workflow does with a plan after a compound trigger, and why.
 *
 * @param notifyUserNow tell the user at once (not only when a new version is ready)
 * @param actBy the deadline for the re-verification or replan
 */
public record ReviewDecision(
    String triggerId,
    String planId,
    TriggerSeverity severity,
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

  /** Separates the ids of the triggers a combined review covers. */
  private static final String ID_SEPARATOR = "+";

  /**
   * This decision and a later one on the same plan, reviewed together: the graver severity, action
   * and approval of the two, the earlier deadline, and both sets of reasons. The id names every
   * trigger covered, so none of them is reviewed again when delivered twice.
   */
  public ReviewDecision with(ReviewDecision later) {
    List<String> both = new ArrayList<>(reasons);
    both.addAll(later.reasons());
    return new ReviewDecision(
        triggerId + ID_SEPARATOR + later.triggerId(),
        planId,
        severity.isAtLeast(later.severity()) ? severity : later.severity(),
        action.compareTo(later.action()) >= 0 ? action : later.action(),
        approval.compareTo(later.approval()) >= 0 ? approval : later.approval(),
        notifyUserNow || later.notifyUserNow(),
        actBy.isBefore(later.actBy()) ? actBy : later.actBy(),
        both);
  }

  /** Whether this review covers the trigger {@code id} (alone or combined with others). */
  public boolean covers(String id) {
    return Arrays.asList(triggerId.split(Pattern.quote(ID_SEPARATOR))).contains(id);
  }

  /**
   * The same decision, but a new version is never applied without the user: for reviews that
   * include a life event, whose numbers the user should confirm.
   */
  public ReviewDecision withUserApproval() {
    return approval != Approval.AUTO_APPLY_IF_APPROVED
        ? this
        : new ReviewDecision(
            triggerId,
            planId,
            severity,
            action,
            Approval.USER_APPROVAL,
            notifyUserNow,
            actBy,
            reasons);
  }
}

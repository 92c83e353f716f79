package dev.finpilot.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The severity policy: which compound triggers re-verify or replan a plan, and which new versions
 * the user must approve.
 *
 * <table>
 *   <caption>Policy by severity</caption>
 *   <tr><th>TriggerSeverity</th><th>Action</th><th>New version applied</th><th>Notify now</th></tr>
 *   <tr><td>LOW</td><td>MONITOR</td><td>no new version</td><td>no</td></tr>
 *   <tr><td>MEDIUM, market causes only</td><td>REVERIFY</td><td>at once if verification
 *       approves it, else by the user</td><td>no</td></tr>
 *   <tr><td>MEDIUM, any life cause</td><td>REVERIFY</td><td>by the user</td><td>no</td></tr>
 *   <tr><td>HIGH</td><td>REPLAN</td><td>by the user</td><td>yes</td></tr>
 *   <tr><td>CRITICAL</td><td>REPLAN</td><td>by the user</td><td>yes</td></tr>
 * </table>
 *
 * <p>Graver events never apply a plan without the user: large changes to savings, risk or
 * withdrawals need the person's consent, and a crisis is the moment a person most needs to see what
 * changes. Life events always need the user, because the new numbers come from their own
 * circumstances and they should confirm them.
 */
public final class ReviewPolicy {

  public ReviewDecision decide(CompoundTrigger trigger) {
    TriggerSeverity severity = trigger.severity();
    List<String> reasons = new ArrayList<>(trigger.reasons());
    ReviewAction action;
    Approval approval;
    switch (severity) {
      case LOW -> {
        action = ReviewAction.MONITOR;
        approval = Approval.NOT_NEEDED;
        reasons.add("LOW: recorded for the next scheduled review; the plan stands");
      }
      case MEDIUM -> {
        action = ReviewAction.REVERIFY;
        if (trigger.allFromMarket()) {
          approval = Approval.AUTO_APPLY_IF_APPROVED;
          reasons.add(
              "MEDIUM market move: re-verify; a new version that verification approves outright"
                  + " is applied at once");
        } else {
          approval = Approval.USER_APPROVAL;
          reasons.add(
              "MEDIUM with a life event: re-verify; a new version needs the user's approval");
        }
      }
      default -> {
        action = ReviewAction.REPLAN;
        approval = Approval.USER_APPROVAL;
        reasons.add(
            severity + ": propose a new version now; it is applied only after the user approves");
      }
    }
    return new ReviewDecision(
        trigger.id(),
        trigger.planId(),
        severity,
        action,
        approval,
        severity.isAtLeast(TriggerSeverity.HIGH),
        trigger.actBy(),
        reasons);
  }
}

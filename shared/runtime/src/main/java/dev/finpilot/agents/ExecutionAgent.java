package dev.finpilot.agents;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.execution.ExecutionRecord;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.ExecutionResult;
import dev.finpilot.execution.FirstMonthPostings;
import dev.finpilot.execution.HouseholdContributionLimits;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.StepFailure;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.regulation.RegulatoryTable;
import java.util.Optional;

/**
 * Applies an approved plan version to the owner's simulated ledger. The idempotency key is the
 * plan, version and step, so a redelivered command returns the first result and posts nothing. A
 * refusal (for example a contribution over the limit) is compensated by the ledger and reported to
 * the workflow, which fails the plan with the reason.
 *
 * <p>A version replacing the active one (after a review) replaces its first month: when both fall
 * in the same calendar month, the ledger reverses the active version's first month and posts the
 * new one in one commit, so the household funds that month once.
 *
 * <p>The user's other plans execute in parallel on the same books. When another execution commits
 * first, the ledger computes this one again on the books it committed; the first month's steps are
 * made to stay right on those books (see {@link FirstMonthPostings}).
 */
public final class ExecutionAgent {

  private final CommandContext context;
  private final LedgerStore store;
  private final RegulatoryTable table;

  public ExecutionAgent(CommandContext context, LedgerStore store, RegulatoryTable table) {
    this.context = context;
    this.store = store;
    this.table = table;
  }

  public void handle(Envelope command, MessageOrigin origin) {
    PlanRecord plan = context.planFor(command, MessageType.EXECUTE_PLAN);
    if (plan.status() == PlanStatus.CANCELLED) {
      // The owner stopped the plan after the command was sent: nothing may be posted for it.
      return;
    }
    PlanVersion version = context.versionFor(command);
    boolean dryRun = command.payloadAs(Payloads.ExecutePlan.class).dryRun();
    PlanningRequest request = plan.request();
    Ledger ledger =
        new Ledger(
            store,
            new HouseholdContributionLimits(table, request.state(), request.asOf()),
            context.clock());
    String key = firstMonthKey(plan, version.version());
    // A redelivery is answered from the stored result without comparing requests: a first month
    // recorded before its steps stopped depending on the books has a fingerprint over other steps,
    // which the ledger would take for a different request under the same key.
    ExecutionResult result =
        store
            .execution(plan.userId(), key)
            .map(ExecutionRecord::result)
            .orElseGet(() -> ledger.apply(firstMonth(plan, version, key, dryRun)));
    String refusal = result.failure().map(StepFailure::summary).orElse(null);
    context.reply(
        command,
        MessageType.PLAN_EXECUTED,
        new Payloads.PlanExecuted(result.transactions().size(), refusal),
        origin);
  }

  /**
   * The version's first month. A version replacing the active one replaces that version's first
   * month, which the ledger undoes first if it fell in the same calendar month. The steps name
   * every account the month uses, opened unless open, so they hold whichever of the user's other
   * executions commits first.
   */
  private static ExecutionRequest firstMonth(
      PlanRecord plan, PlanVersion version, String key, boolean dryRun) {
    Optional<String> replaced =
        plan.activeVersion() > 0 && plan.activeVersion() != version.version()
            ? Optional.of(firstMonthKey(plan, plan.activeVersion()))
            : Optional.empty();
    return new ExecutionRequest(
        plan.userId(),
        plan.planId(),
        version.version(),
        key,
        FirstMonthPostings.of(version.plan(), plan.request().taxYear()),
        dryRun,
        replaced);
  }

  private static String firstMonthKey(PlanRecord plan, int version) {
    return plan.planId() + "#v" + version + "#first-month";
  }
}

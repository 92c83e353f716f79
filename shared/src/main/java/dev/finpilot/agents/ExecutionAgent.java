package dev.finpilot.agents;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.execution.ExecutionRecord;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.ExecutionResult;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.Trace;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.regulation.RegulatoryTable;

/**
 * Applies an approved plan version to the owner's simulated ledger. The idempotency key is the
 * plan, version and step, so a redelivered command returns the first result and posts nothing. A
 * refusal (for example a contribution over the limit) is compensated by the ledger and reported to
 * the workflow, which fails the plan with the reason.
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

  public void handle(Envelope command, Trace trace) {
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
    String key = plan.planId() + "#v" + version.version() + "#first-month";
    // The steps depend on which accounts are open, which the first delivery changed: a redelivery
    // is answered from the stored result instead of recomputing a different request.
    ExecutionResult result =
        store
            .execution(plan.userId(), key)
            .map(ExecutionRecord::result)
            .orElseGet(
                () ->
                    ledger.apply(
                        new ExecutionRequest(
                            plan.userId(),
                            plan.planId(),
                            version.version(),
                            key,
                            FirstMonthPostings.of(
                                version.plan(), ledger.books(plan.userId()), request.taxYear()),
                            dryRun)));
    String refusal =
        result
            .failure()
            .map(f -> "step " + f.stepIndex() + " (" + f.step() + ") refused: " + f.detail())
            .orElse(null);
    context.reply(
        command,
        MessageType.PLAN_EXECUTED,
        new Payloads.PlanExecuted(result.transactions().size(), refusal),
        trace);
  }
}

package dev.finpilot.functions.execution;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.ExecutionAgent;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.regulation.RegulatoryTable;
import java.util.List;

/** The execution agent: applies approved plans to the owner's simulated ledger. */
public final class ExecutionHandler extends QueueHandler {

  /**
   * Primed before a SnapStart snapshot, beside what every agent primes: a small projection ending
   * in its plan's first-month ledger steps (made, not posted).
   */
  static final List<Runnable> PRIMING = List.of(Priming.projection());

  public ExecutionHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public ExecutionHandler(FunctionEnvironment env) {
    super(
        "execution",
        env,
        agent ->
            new ExecutionAgent(
                    new CommandContext(agent.plans(), agent.bus(), agent.clock()),
                    new DynamoLedgerStore(agent.dynamo(), env.require("LEDGER_TABLE")),
                    RegulatoryTable.usDefault())
                ::handle,
        PRIMING);
  }
}

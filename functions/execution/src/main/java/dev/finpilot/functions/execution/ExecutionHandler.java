package dev.finpilot.functions.execution;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.ExecutionAgent;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.regulation.RegulatoryTable;

/** The execution agent: applies approved plans to the owner's simulated ledger. */
public final class ExecutionHandler extends QueueHandler {

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
                ::handle);
  }
}

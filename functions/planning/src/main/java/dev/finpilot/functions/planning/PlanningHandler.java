package dev.finpilot.functions.planning;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.aws.DynamoMarketDataCache;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.planning.Planner;
import dev.finpilot.retrieval.SnapshotStore;

/**
 * The planning agent: guided strategy search, each candidate scored by Monte Carlo projection in
 * the market snapshot the retrieval agent stored in the market-data table.
 */
public final class PlanningHandler extends QueueHandler {

  public PlanningHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public PlanningHandler(FunctionEnvironment env) {
    super(
        "planning",
        env,
        agent ->
            new PlanningAgent(
                    new CommandContext(agent.plans(), agent.bus(), agent.clock()),
                    new Planner(),
                    PlanningPaths.options(env),
                    new SnapshotStore(
                        new DynamoMarketDataCache(
                            agent.dynamo(), env.require("MARKET_DATA_TABLE"))))
                ::handle);
  }
}

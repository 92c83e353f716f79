package dev.finpilot.functions.planning;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.aws.DynamoMarketDataCache;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.planning.Planner;
import dev.finpilot.retrieval.SnapshotStore;
import java.util.List;

/**
 * The planning agent: guided strategy search, each candidate scored by Monte Carlo projection in
 * the market snapshot the retrieval agent stored in the market-data table.
 */
public final class PlanningHandler extends QueueHandler {

  /**
   * Primed before a SnapStart snapshot, beside what every agent primes: a small projection:
   * strategy search, Monte Carlo and the verification of each candidate.
   */
  static final List<Runnable> PRIMING = List.of(Priming.projection());

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
                ::handle,
        PRIMING);
  }
}

package dev.finpilot.functions.retrieval;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.RetrievalAgent;
import dev.finpilot.aws.DynamoMarketDataCache;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.MarketDataSources;
import dev.finpilot.aws.Priming;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.retrieval.SnapshotStore;
import java.util.List;

/**
 * The information-retrieval agent: builds each plan's market snapshot from the market-data sources
 * the environment names and stores it in the market-data table for the planning agent.
 */
public final class RetrievalHandler extends QueueHandler {

  /**
   * Primed before a SnapStart snapshot, beside what every agent primes: the embedded historical
   * snapshot, which every snapshot this agent builds starts from.
   */
  static final List<Runnable> PRIMING = List.of(Priming.historicalMarket());

  public RetrievalHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public RetrievalHandler(FunctionEnvironment env) {
    super(
        "retrieval",
        env,
        agent ->
            new RetrievalAgent(
                    new CommandContext(agent.plans(), agent.bus(), agent.clock()),
                    new SnapshotStore(
                        new DynamoMarketDataCache(
                            agent.dynamo(), env.require("MARKET_DATA_TABLE"))),
                    MarketDataSources.from(env, agent.dynamo(), agent.clock()))
                ::handle,
        PRIMING);
  }
}

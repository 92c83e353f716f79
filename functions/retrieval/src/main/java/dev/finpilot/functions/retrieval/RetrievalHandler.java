package dev.finpilot.functions.retrieval;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.RetrievalAgent;
import dev.finpilot.aws.DynamoMarketDataCache;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;

/** The information-retrieval agent: capital-market assumptions, cached in DynamoDB with TTL. */
public final class RetrievalHandler extends QueueHandler {

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
                    new DynamoMarketDataCache(agent.dynamo(), env.require("MARKET_DATA_TABLE")))
                ::handle);
  }
}

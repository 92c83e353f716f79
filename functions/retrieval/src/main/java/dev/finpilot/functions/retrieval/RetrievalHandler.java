package dev.finpilot.functions.retrieval;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.RetrievalAgent;
import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.aws.AgentHandler;
import dev.finpilot.aws.DynamoMarketDataCache;

/** The information-retrieval agent: capital-market assumptions, cached in DynamoDB with TTL. */
public final class RetrievalHandler extends AgentHandler {

  public RetrievalHandler() {
    this(AgentEnvironment.fromSystem());
  }

  public RetrievalHandler(AgentEnvironment env) {
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

package dev.finpilot.functions.planning;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.PlanningAgent;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.planning.Planner;

/** The planning agent: guided strategy search, each candidate scored by Monte Carlo projection. */
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
                    PlanningPaths.options(env))
                ::handle);
  }
}

package dev.finpilot.functions.verification;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.VerificationAgent;
import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.aws.AgentHandler;
import dev.finpilot.verification.Verifier;

/** The verification agent: rules and regulations over each generated plan version. */
public final class VerificationHandler extends AgentHandler {

  public VerificationHandler() {
    this(AgentEnvironment.fromSystem());
  }

  public VerificationHandler(AgentEnvironment env) {
    super(
        "verification",
        env,
        agent ->
            new VerificationAgent(
                    new CommandContext(agent.plans(), agent.bus(), agent.clock()),
                    Verifier.standard())
                ::handle);
  }
}

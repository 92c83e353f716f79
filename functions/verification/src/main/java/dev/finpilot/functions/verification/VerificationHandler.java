package dev.finpilot.functions.verification;

import dev.finpilot.agents.CommandContext;
import dev.finpilot.agents.VerificationAgent;
import dev.finpilot.aws.EmfPlanMetrics;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import dev.finpilot.aws.QueueHandler;
import dev.finpilot.verification.Verifier;
import java.util.List;

/** The verification agent: rules and regulations over each generated plan version. */
public final class VerificationHandler extends QueueHandler {

  /**
   * Primed before a SnapStart snapshot, beside what every agent primes: a small projection, whose
   * candidates the verifier checks with every rule.
   */
  static final List<Runnable> PRIMING = List.of(Priming.projection());

  public VerificationHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  public VerificationHandler(FunctionEnvironment env) {
    super(
        "verification",
        env,
        agent ->
            new VerificationAgent(
                    new CommandContext(agent.plans(), agent.bus(), agent.clock()),
                    Verifier.standard(),
                    EmfPlanMetrics.powertools())
                ::handle,
        PRIMING);
  }
}

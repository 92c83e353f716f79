package dev.finpilot.agents;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.util.List;

/**
 * Verifies a plan version against the rules and regulations, stores the report with the version,
 * and tells the workflow the outcome with the violations the planner must resolve.
 */
public final class VerificationAgent {

  private final CommandContext context;
  private final Verifier verifier;
  private final VerificationMetrics metrics;

  public VerificationAgent(CommandContext context, Verifier verifier, VerificationMetrics metrics) {
    this.context = context;
    this.verifier = verifier;
    this.metrics = metrics;
  }

  public void handle(Envelope command, MessageOrigin origin) {
    PlanRecord plan = context.planFor(command, MessageType.VERIFY_PLAN);
    PlanVersion version = context.versionFor(command);
    VerificationReport report = verifier.verify(version.plan(), plan.request());
    if (version.verification() == null) {
      // A redelivery finds the report already stored; the verifier is deterministic, so the
      // report computed here is the same one.
      context.plans().saveVerification(version.withVerification(report));
      metrics.reportStored(report);
    }
    context.reply(
        command,
        MessageType.PLAN_VERIFIED,
        new Payloads.PlanVerified(
            report.outcome().name(),
            findings(report.violations()),
            command.payloadAs(Payloads.VerifyPlan.class).triggerId()),
        origin);
  }

  private static List<FindingToResolve> findings(List<Finding> violations) {
    return violations.stream().map(FindingToResolve::of).toList();
  }
}

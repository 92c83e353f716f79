package dev.finpilot.workflow;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transition table: given a plan and an event, the next state and command, or nothing when the
 * event is stale (for an older version, or for a state the plan has already left).
 */
final class WorkflowStep {

  /** A decided transition; {@code command} is null when the plan reaches a final state. */
  record Decision(
      PlanStatus status,
      int version,
      int round,
      String reason,
      MessageType command,
      Object payload) {}

  private static final Set<PlanStatus> GENERATING =
      EnumSet.of(PlanStatus.PLANNING, PlanStatus.REPLANNING);

  private static final String RELAXATIONS_PREFIX = "the planner found no passing plan; relax: ";

  private final WorkflowPolicy policy;

  WorkflowStep(WorkflowPolicy policy) {
    this.policy = policy;
  }

  Optional<Decision> decide(PlanRecord plan, Envelope event) {
    if (plan.status().isFinal()) {
      return Optional.empty();
    }
    return switch (event.type()) {
      case PLAN_SUBMITTED -> when(plan.status() == PlanStatus.RECEIVED, retrieve(plan));
      case MARKET_DATA_RETRIEVED ->
          when(plan.status() == PlanStatus.RETRIEVING, generate(plan, 1, List.of()));
      case PLAN_GENERATED ->
          when(
              GENERATING.contains(plan.status()) && event.planVersion() == plan.currentVersion(),
              verify(plan, event.payloadAs(Payloads.PlanGenerated.class)));
      case PLAN_VERIFIED ->
          when(
              plan.status() == PlanStatus.VERIFYING && event.planVersion() == plan.currentVersion(),
              afterVerification(plan, event.payloadAs(Payloads.PlanVerified.class)));
      case PLAN_EXECUTED ->
          when(
              plan.status() == PlanStatus.EXECUTING && event.planVersion() == plan.currentVersion(),
              afterExecution(plan, event.payloadAs(Payloads.PlanExecuted.class)));
      case AGENT_FAILED -> Optional.of(failed(plan, event.payloadAs(Payloads.AgentFailed.class)));
      default ->
          throw new dev.finpilot.messaging.PoisonMessageException(
              "the workflow does not accept " + event.type().wireName());
    };
  }

  private static Optional<Decision> when(boolean applies, Decision decision) {
    return applies ? Optional.of(decision) : Optional.empty();
  }

  private static Decision retrieve(PlanRecord plan) {
    return new Decision(
        PlanStatus.RETRIEVING,
        plan.currentVersion(),
        plan.round(),
        null,
        MessageType.RETRIEVE_MARKET_DATA,
        new Payloads.RetrieveMarketData());
  }

  private static Decision generate(
      PlanRecord plan, int round, List<Payloads.Finding> findingsToResolve) {
    PlanStatus status = round == 1 ? PlanStatus.PLANNING : PlanStatus.REPLANNING;
    return new Decision(
        status,
        plan.currentVersion() + 1,
        round,
        null,
        MessageType.GENERATE_PLAN,
        new Payloads.GeneratePlan(round, findingsToResolve));
  }

  /** The planner's relaxations, if it found none that passes, stay on the plan as its reason. */
  private static Decision verify(PlanRecord plan, Payloads.PlanGenerated generated) {
    String relaxations =
        generated.relaxations().isEmpty()
            ? null
            : RELAXATIONS_PREFIX + String.join("; ", generated.relaxations());
    return new Decision(
        PlanStatus.VERIFYING,
        plan.currentVersion(),
        plan.round(),
        relaxations,
        MessageType.VERIFY_PLAN,
        new Payloads.VerifyPlan());
  }

  private Decision afterVerification(PlanRecord plan, Payloads.PlanVerified verified) {
    if (verified.approved()) {
      return new Decision(
          PlanStatus.EXECUTING,
          plan.currentVersion(),
          plan.round(),
          null,
          MessageType.EXECUTE_PLAN,
          new Payloads.ExecutePlan(false));
    }
    List<Payloads.Finding> blocking = verified.findings();
    if (plan.round() < policy.maxPlanningRounds()) {
      return generate(plan, plan.round() + 1, blocking);
    }
    return finish(
        plan,
        PlanStatus.REJECTED,
        "no plan passed verification in "
            + plan.round()
            + " rounds; would have to change: "
            + blocking.stream()
                .map(f -> f.code() + " (" + f.message() + ")")
                .collect(Collectors.joining("; "))
            + (plan.statusReason() == null ? "" : "; " + plan.statusReason()));
  }

  private static Decision afterExecution(PlanRecord plan, Payloads.PlanExecuted executed) {
    return executed.applied()
        ? finish(plan, PlanStatus.ACTIVE, null)
        : finish(plan, PlanStatus.FAILED, "execution agent: " + executed.refusal());
  }

  private static Decision finish(PlanRecord plan, PlanStatus status, String reason) {
    return new Decision(status, plan.currentVersion(), plan.round(), reason, null, null);
  }

  private static Decision failed(PlanRecord plan, Payloads.AgentFailed failure) {
    return finish(
        plan,
        PlanStatus.FAILED,
        failure.agent()
            + " agent failed on "
            + failure.failedMessageType()
            + ": "
            + failure.reason());
  }
}

package dev.finpilot.workflow;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.monitoring.LifeEventEffects;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.verification.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transition table: given a plan and an event, the next state and command, or nothing when the
 * event is stale (for an older version, or for a state the plan has already left).
 *
 * <p>A plan is made once (RECEIVED to ACTIVE) and then reviewed whenever a trigger arrives. A
 * review works on a new version while the active one stays in force, so every way a review can end
 * short of applying the new version (nothing passes, the owner declines, an agent fails) leads back
 * to ACTIVE on the version that was in force, never to REJECTED or FAILED.
 *
 * <p>When no version passes in the replanning rounds, the rounds after them plan relaxed versions:
 * the last version's relaxations, smallest change first, each planned and verified as a version of
 * its own until one passes. That one awaits its owner's approval, whether it is a first plan or a
 * review's; only when none passes does the plan end as before (REJECTED, or ACTIVE on the version
 * in force). A round above {@link WorkflowPolicy#maxPlanningRounds()} is such a relaxed round, its
 * rank the rounds above the maximum.
 */
final class WorkflowStep {

  private static final Set<PlanStatus> GENERATING =
      EnumSet.of(PlanStatus.PLANNING, PlanStatus.REPLANNING);

  private static final String RELAXATIONS_PREFIX = "the planner found no passing plan; relax: ";

  private final WorkflowPolicy policy;
  private final Clock clock;

  WorkflowStep(WorkflowPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  Optional<PlanChange> decide(PlanRecord plan, Envelope event) {
    if (event.type() == MessageType.TRIGGER_RAISED) {
      return review(plan, event.payloadAs(Payloads.TriggerRaised.class));
    }
    if (plan.status().isFinal()) {
      return Optional.empty();
    }
    boolean current = event.planVersion() == plan.currentVersion();
    return switch (event.type()) {
      case PLAN_SUBMITTED -> when(plan.status() == PlanStatus.RECEIVED, retrieve(plan));
      case MARKET_DATA_RETRIEVED ->
          when(
              plan.status() == PlanStatus.RETRIEVING,
              generate(
                  plan,
                  1,
                  List.of(),
                  event.payloadAs(Payloads.MarketDataRetrieved.class).snapshotId()));
      case PLAN_GENERATED ->
          when(
              GENERATING.contains(plan.status()) && current,
              afterGeneration(plan, event.payloadAs(Payloads.PlanGenerated.class)));
      case PLAN_VERIFIED -> afterVerification(plan, event);
      case PLAN_EXECUTED ->
          when(
              plan.status() == PlanStatus.EXECUTING && current,
              afterExecution(plan, event.payloadAs(Payloads.PlanExecuted.class)));
      case VERSION_APPROVED ->
          when(
              plan.status() == PlanStatus.AWAITING_APPROVAL && current,
              execute(plan, "version " + plan.currentVersion() + " approved by its owner"));
      case VERSION_DECLINED ->
          when(
              plan.status() == PlanStatus.AWAITING_APPROVAL && current,
              endWithout(plan, "version " + plan.currentVersion() + " declined by its owner"));
      case AGENT_FAILED ->
          // No agent works for a plan awaiting its owner: a failure now is a stale report.
          when(
              plan.status() != PlanStatus.AWAITING_APPROVAL,
              failed(plan, event.payloadAs(Payloads.AgentFailed.class)));
      default ->
          throw new PoisonMessageException(
              "the workflow does not accept " + event.type().wireName());
    };
  }

  private static Optional<PlanChange> when(boolean applies, PlanChange change) {
    return applies ? Optional.of(change) : Optional.empty();
  }

  /**
   * An ACTIVE plan is reviewed at once. A plan under review keeps the trigger and reviews it when
   * the review in progress ends, so no report is lost and no two reviews overlap. A plan still
   * being made, or finished otherwise, is not reviewed. The same trigger delivered again is
   * recognised by its id.
   */
  private Optional<PlanChange> review(PlanRecord plan, Payloads.TriggerRaised trigger) {
    String id = trigger.decision().triggerId();
    boolean seen =
        (plan.review() != null && plan.review().covers(id))
            || plan.deferred().stream().anyMatch(t -> t.decision().covers(id));
    if (seen) {
      return Optional.empty();
    }
    if (plan.status() == PlanStatus.ACTIVE) {
      return Optional.of(
          startReview(PlanChange.of(plan, PlanStatus.ACTIVE, null), List.of(trigger)));
    }
    if (plan.underReview() && plan.deferred().size() < PlanRecord.MAX_DEFERRED) {
      String note = "a " + kind(trigger) + " will be reviewed when the review in progress ends";
      String reason = plan.statusReason() == null ? note : plan.statusReason() + "; " + note;
      return Optional.of(PlanChange.of(plan, plan.status(), reason).deferring(trigger));
    }
    if (plan.underReview()) {
      // The API refuses reports beyond the limit, but two can race past its check; the one that
      // finds the list full is recorded in the plan's history instead of vanishing.
      return Optional.of(PlanChange.of(plan, plan.status(), notKept(plan)));
    }
    return Optional.empty();
  }

  static final String NOT_KEPT =
      "a further report was not kept: "
          + PlanRecord.MAX_DEFERRED
          + " already wait for the review in progress; report it again when the review has ended";

  /** The reason with {@link #NOT_KEPT} said once, however many reports were not kept. */
  private static String notKept(PlanRecord plan) {
    String reason = plan.statusReason();
    if (reason == null) {
      return NOT_KEPT;
    }
    return reason.contains(NOT_KEPT) ? reason : reason + "; " + NOT_KEPT;
  }

  private static String kind(Payloads.TriggerRaised trigger) {
    if (trigger.edit() != null) {
      return "edit of the plan";
    }
    return trigger.lifeEvent() == null
        ? "market trigger"
        : "life event (" + trigger.lifeEvent().type() + ")";
  }

  /**
   * Reviews the triggers from where {@code settled} leaves the plan: their numbers applied in the
   * order they were reported, under the gravest of their decisions.
   */
  private PlanChange startReview(PlanChange settled, List<Payloads.TriggerRaised> triggers) {
    PlanningRequest request = settled.request();
    ReviewDecision decision = null;
    boolean lifeEvent = false;
    for (Payloads.TriggerRaised t : triggers) {
      request = revised(request, t);
      decision = decision == null ? t.decision() : decision.with(t.decision());
      lifeEvent |= t.byOwner();
    }
    if (lifeEvent) {
      // The policy lets only market moves apply a version at once; combined with a market move, a
      // life event's numbers (or an edit) still need their owner.
      decision = decision.withUserApproval();
    }
    String why = String.join("; ", decision.reasons());
    String reason = settled.reason() == null ? why : settled.reason() + "; then " + why;
    PlanChange base = settled.because(reason).reviewing(decision, request);
    return switch (decision.action()) {
      case MONITOR -> base;
      case REVERIFY ->
          base.withStatus(PlanStatus.REVIEWING)
              .sendingAboutActive(
                  MessageType.VERIFY_PLAN, new Payloads.VerifyPlan(decision.triggerId()));
      case REPLAN ->
          base.withStatus(PlanStatus.RETRIEVING)
              .sending(MessageType.RETRIEVE_MARKET_DATA, new Payloads.RetrieveMarketData());
    };
  }

  /**
   * The request after a life event: the state its owner sent, or the one the event determines, as
   * of today. A market move changes no numbers.
   */
  private PlanningRequest revised(PlanningRequest request, Payloads.TriggerRaised trigger) {
    if (trigger.edit() != null) {
      return edited(request, trigger.edit());
    }
    if (trigger.lifeEvent() == null) {
      return request;
    }
    Optional<FinancialState> state =
        trigger.reportedState() != null
            ? Optional.of(trigger.reportedState())
            : LifeEventEffects.revise(request.state(), trigger.lifeEvent());
    if (state.isEmpty()) {
      return request;
    }
    LocalDate today = LocalDate.now(clock);
    return request.revised(state.get(), Math.max(request.taxYear(), today.getYear()), today);
  }

  /** The request with the owner's new goals or state, as of today. */
  private PlanningRequest edited(PlanningRequest request, Payloads.PlanEdit edit) {
    LocalDate today = LocalDate.now(clock);
    return new PlanningRequest(
        edit.state() == null ? request.state() : edit.state(),
        edit.goals() == null ? request.goals() : edit.goals(),
        Math.max(request.taxYear(), today.getYear()),
        today,
        request.assumptions());
  }

  private static String describe(List<FindingToResolve> findings) {
    return findings.stream()
        .map(f -> f.code() + " (" + f.message() + ")")
        .collect(Collectors.joining("; "));
  }

  /** Where a plan that settles ACTIVE goes: ACTIVE, or on to review what arrived meanwhile. */
  private PlanChange settle(PlanRecord plan, PlanChange active) {
    return plan.deferred().isEmpty() ? active : startReview(active, plan.deferred());
  }

  private static PlanChange retrieve(PlanRecord plan) {
    return PlanChange.of(plan, PlanStatus.RETRIEVING, null)
        .sending(MessageType.RETRIEVE_MARKET_DATA, new Payloads.RetrieveMarketData());
  }

  /** A replanning round (no {@code snapshotId}) plans in the previous version's market. */
  private static PlanChange generate(
      PlanRecord plan, int round, List<FindingToResolve> findingsToResolve) {
    return generate(plan, round, findingsToResolve, null);
  }

  private static PlanChange generate(
      PlanRecord plan, int round, List<FindingToResolve> findingsToResolve, String snapshotId) {
    PlanStatus status = round == 1 ? PlanStatus.PLANNING : PlanStatus.REPLANNING;
    return PlanChange.of(plan, status, null)
        .generating(plan.currentVersion() + 1, round)
        .sending(
            MessageType.GENERATE_PLAN,
            new Payloads.GeneratePlan(round, findingsToResolve, snapshotId));
  }

  private PlanChange afterGeneration(PlanRecord plan, Payloads.PlanGenerated generated) {
    if (!relaxing(plan)) {
      return verify(plan, generated);
    }
    if (!generated.planned()) {
      // The version number was not used: the plan goes back to its last stored version.
      String reason =
          "no plan passed verification in "
              + policy.maxPlanningRounds()
              + " rounds, nor as any relaxation the planner found"
              + (generated.relaxations().isEmpty()
                  ? ""
                  : "; " + RELAXATIONS_PREFIX + String.join("; ", generated.relaxations()));
      return endWithout(plan, reason).generating(plan.currentVersion() - 1, plan.round());
    }
    return PlanChange.of(plan, PlanStatus.VERIFYING, whyRelaxed(plan) + generated.proposal())
        .sending(MessageType.VERIFY_PLAN, new Payloads.VerifyPlan());
  }

  /** Why the goal as asked no longer holds: the rounds that failed, and the review's cause. */
  private String whyRelaxed(PlanRecord plan) {
    String cause =
        plan.activeVersion() > 0 && plan.review() != null && !plan.review().reasons().isEmpty()
            ? " after " + plan.review().reasons().get(0)
            : "";
    return "no plan passed verification in "
        + policy.maxPlanningRounds()
        + " rounds"
        + cause
        + "; ";
  }

  /** Whether the version being worked on is a relaxed one (a round above the maximum). */
  private boolean relaxing(PlanRecord plan) {
    return plan.round() > policy.maxPlanningRounds();
  }

  /**
   * The next relaxed version: the {@code rank}-th smallest relaxation of {@code base}, the last
   * version planned as asked.
   */
  private static PlanChange relax(PlanRecord plan, int base, int rank, String reason) {
    int round = plan.round() + 1;
    return PlanChange.of(plan, PlanStatus.REPLANNING, reason)
        .generating(plan.currentVersion() + 1, round)
        .sending(
            MessageType.GENERATE_PLAN,
            new Payloads.GeneratePlan(round, List.of(), null, new Payloads.Relaxing(base, rank)));
  }

  /** The planner's relaxations, if it found none that passes, stay on the plan as its reason. */
  private static PlanChange verify(PlanRecord plan, Payloads.PlanGenerated generated) {
    String relaxations =
        generated.relaxations().isEmpty()
            ? null
            : RELAXATIONS_PREFIX + String.join("; ", generated.relaxations());
    return PlanChange.of(plan, PlanStatus.VERIFYING, relaxations)
        .sending(MessageType.VERIFY_PLAN, new Payloads.VerifyPlan());
  }

  private Optional<PlanChange> afterVerification(PlanRecord plan, Envelope event) {
    Payloads.PlanVerified verified = event.payloadAs(Payloads.PlanVerified.class);
    if (plan.status() == PlanStatus.REVIEWING
        && event.planVersion() == plan.activeVersion()
        && plan.review().triggerId().equals(verified.triggerId())) {
      return Optional.of(
          verified.passed()
              ? keepActive(
                  plan,
                  "version "
                      + plan.activeVersion()
                      + " still passes verification ("
                      + verified.outcome()
                      + ") after the change")
              : generate(plan, 1, verified.findings())
                  .because(
                      "version "
                          + plan.activeVersion()
                          + " no longer passes verification after the change: "
                          + describe(verified.findings())));
    }
    if (plan.status() != PlanStatus.VERIFYING || event.planVersion() != plan.currentVersion()) {
      return Optional.empty();
    }
    if (relaxing(plan)) {
      return Optional.of(afterRelaxedVerification(plan, verified));
    }
    if (verified.passed()) {
      return Optional.of(approved(plan, verified));
    }
    List<FindingToResolve> blocking = verified.findings();
    if (plan.round() < policy.maxPlanningRounds()) {
      return Optional.of(generate(plan, plan.round() + 1, blocking));
    }
    String reason =
        "no plan passed verification in "
            + plan.round()
            + " rounds; would have to change: "
            + describe(blocking)
            + (plan.statusReason() == null ? "" : "; " + plan.statusReason())
            + "; planning the smallest relaxation that passes";
    return Optional.of(relax(plan, plan.currentVersion(), 1, reason));
  }

  /**
   * A relaxed version that passed awaits its owner, whatever the review policy allows: it changes
   * what they asked for. One that did not pass makes way for the next relaxation.
   */
  private PlanChange afterRelaxedVerification(PlanRecord plan, Payloads.PlanVerified verified) {
    int rank = plan.round() - policy.maxPlanningRounds();
    if (!verified.passed()) {
      return relax(
          plan,
          plan.currentVersion() - rank,
          rank + 1,
          "relaxed version "
              + plan.currentVersion()
              + " did not pass verification either: "
              + describe(verified.findings())
              + "; planning the next relaxation");
    }
    String carries =
        verified.findings().isEmpty() ? "" : "; it still carries " + describe(verified.findings());
    String meanwhile =
        plan.activeVersion() > 0
            ? "version " + plan.activeVersion() + " stays in force until then"
            : "nothing is in force until then";
    return PlanChange.of(
        plan,
        PlanStatus.AWAITING_APPROVAL,
        plan.statusReason()
            + " ("
            + verified.outcome()
            + ")"
            + carries
            + "; it awaits its owner's approval; "
            + meanwhile);
  }

  /**
   * A first plan is executed at once; a revised one only where the review policy lets it replace
   * the active plan without its owner.
   */
  private static PlanChange approved(PlanRecord plan, Payloads.PlanVerified verified) {
    boolean outright = Outcome.APPROVED.name().equals(verified.outcome());
    if (plan.activeVersion() == 0) {
      return execute(plan, null);
    }
    if (plan.review().mayApplyWithoutUser(outright)) {
      return execute(
          plan,
          "version " + plan.currentVersion() + " applied without approval: " + policyOf(plan));
    }
    return PlanChange.of(
        plan,
        PlanStatus.AWAITING_APPROVAL,
        "version "
            + plan.currentVersion()
            + " passed verification ("
            + verified.outcome()
            + ") and awaits its owner's approval; version "
            + plan.activeVersion()
            + " stays in force until then");
  }

  private static String policyOf(PlanRecord plan) {
    return plan.review().severity() + " " + plan.review().action() + " under the review policy";
  }

  private static PlanChange execute(PlanRecord plan, String reason) {
    return PlanChange.of(plan, PlanStatus.EXECUTING, reason)
        .sending(MessageType.EXECUTE_PLAN, new Payloads.ExecutePlan(false));
  }

  private PlanChange afterExecution(PlanRecord plan, Payloads.PlanExecuted executed) {
    if (executed.applied()) {
      String replaced =
          plan.activeVersion() == 0
              ? null
              : "version " + plan.currentVersion() + " replaced version " + plan.activeVersion();
      return settle(
          plan, PlanChange.of(plan, PlanStatus.ACTIVE, replaced).activating(plan.currentVersion()));
    }
    String reason = "execution agent: " + executed.refusal();
    return plan.activeVersion() > 0
        ? keepActive(plan, reason)
        : PlanChange.of(plan, PlanStatus.FAILED, reason);
  }

  /**
   * The agent and its words only: the failed message's type stays in the plan's history and the
   * logs, since the owner reads this reason.
   */
  private PlanChange failed(PlanRecord plan, Payloads.AgentFailed failure) {
    String reason = "the " + failure.agent() + " step could not finish: " + failure.reason();
    return plan.activeVersion() > 0
        ? keepActive(plan, reason)
        : PlanChange.of(plan, PlanStatus.FAILED, reason);
  }

  /**
   * Ends the work on a version that will not be applied: a review goes back to the version in
   * force, a first plan is REJECTED.
   */
  private PlanChange endWithout(PlanRecord plan, String why) {
    return plan.activeVersion() > 0
        ? keepActive(plan, why)
        : PlanChange.of(plan, PlanStatus.REJECTED, why + "; no version of the plan is in force");
  }

  /** Ends a review without applying its version: the version in force stays. */
  private PlanChange keepActive(PlanRecord plan, String why) {
    return settle(
        plan,
        PlanChange.of(
            plan,
            PlanStatus.ACTIVE,
            why + "; version " + plan.activeVersion() + " remains the active plan"));
  }
}

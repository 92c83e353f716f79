package dev.finpilot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final List<Envelope> sent = new ArrayList<>();
  private final List<MessageOrigin> origins = new ArrayList<>();
  private final MessageBus bus =
      (envelope, origin) -> {
        sent.add(envelope);
        origins.add(origin);
      };
  private final List<PlanEvent> notified = new ArrayList<>();
  private final PlanNotifier notifier =
      (updated, event) -> {
        assertThat(plans.find(updated.planId())).as("notified after the write").contains(updated);
        notified.add(event);
      };
  private final Workflow workflow = workflow(notifier);
  private final MessageOrigin origin = MessageOrigin.start("corr-1");

  private Workflow workflow(PlanNotifier notifyWith) {
    return new Workflow(
        plans, bus, Clock.fixed(NOW, ZoneOffset.UTC), new WorkflowPolicy(2), notifyWith);
  }

  @BeforeEach
  void submit() {
    plans.create(PlanRecord.received("p1", "u1", FinancialStateFixtures.request(), "corr-1", NOW));
  }

  private Envelope event(MessageType type, int version, Object payload) {
    return Envelope.create(type, "p1", version, "u1", payload, NOW);
  }

  private PlanStatus status() {
    return plans.find("p1").orElseThrow().status();
  }

  private Envelope lastSent() {
    return sent.get(sent.size() - 1);
  }

  @Test
  void drivesAPlanFromSubmissionToActive() {
    workflow.handle(event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted()), origin);
    assertThat(status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(lastSent().type()).isEqualTo(MessageType.RETRIEVE_MARKET_DATA);

    workflow.handle(
        event(
            MessageType.MARKET_DATA_RETRIEVED,
            0,
            new Payloads.MarketDataRetrieved("x", "e", "snap-1")),
        origin);
    assertThat(status()).isEqualTo(PlanStatus.PLANNING);
    assertThat(lastSent().type()).isEqualTo(MessageType.GENERATE_PLAN);
    assertThat(lastSent().planVersion()).isEqualTo(1);
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).round()).isEqualTo(1);
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).snapshotId()).isEqualTo("snap-1");

    workflow.handle(event(MessageType.PLAN_GENERATED, 1, generated()), origin);
    assertThat(status()).isEqualTo(PlanStatus.VERIFYING);
    assertThat(lastSent().type()).isEqualTo(MessageType.VERIFY_PLAN);

    workflow.handle(event(MessageType.PLAN_VERIFIED, 1, verified("APPROVED")), origin);
    assertThat(status()).isEqualTo(PlanStatus.EXECUTING);
    assertThat(lastSent().type()).isEqualTo(MessageType.EXECUTE_PLAN);

    workflow.handle(
        event(MessageType.PLAN_EXECUTED, 1, new Payloads.PlanExecuted(3, null)), origin);
    assertThat(status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(sent).hasSize(4);
    assertThat(origins).extracting(MessageOrigin::correlationId).containsOnly("corr-1");

    List<PlanEvent> history = plans.history("p1");
    assertThat(history)
        .extracting(PlanEvent::to)
        .containsExactly(
            PlanStatus.RETRIEVING,
            PlanStatus.PLANNING,
            PlanStatus.VERIFYING,
            PlanStatus.EXECUTING,
            PlanStatus.ACTIVE);
    assertThat(history).extracting(PlanEvent::correlationId).containsOnly("corr-1");
  }

  @Test
  void aDuplicateEventAfterTheStepIsResentNotReapplied() {
    Envelope submitted = event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted());
    workflow.handle(submitted, origin);
    long revision = plans.find("p1").orElseThrow().revision();

    assertThat(workflow.handle(submitted, origin)).isEqualTo(Workflow.Disposition.RESENT);
    assertThat(plans.find("p1").orElseThrow().revision()).isEqualTo(revision);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).messageId()).isEqualTo(sent.get(0).messageId());
  }

  @Test
  void staleEventsAreIgnored() {
    workflow.handle(event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted()), origin);
    Workflow.Disposition outcome =
        workflow.handle(
            event(MessageType.PLAN_EXECUTED, 1, new Payloads.PlanExecuted(1, null)), origin);
    assertThat(outcome).isEqualTo(Workflow.Disposition.IGNORED);
    assertThat(status()).isEqualTo(PlanStatus.RETRIEVING);
  }

  @Test
  void aRejectedPlanIsReplannedWithTheFindingsThenRejectedWhenRoundsRunOut() {
    reachVerifying();
    workflow.handle(event(MessageType.PLAN_VERIFIED, 1, verified("REJECTED")), origin);
    assertThat(status()).isEqualTo(PlanStatus.REPLANNING);
    Payloads.GeneratePlan replan = lastSent().payloadAs(Payloads.GeneratePlan.class);
    assertThat(replan.round()).isEqualTo(2);
    // No new snapshot: the planning agent reuses the previous version's.
    assertThat(replan.snapshotId()).isNull();
    assertThat(replan.findingsToResolve())
        .extracting(FindingToResolve::code)
        .containsExactly("MAX_CONTRIBUTION_EXCEEDED");
    assertThat(lastSent().planVersion()).isEqualTo(2);

    workflow.handle(
        event(
            MessageType.PLAN_GENERATED,
            2,
            new Payloads.PlanGenerated(
                "conservative", 0.41, List.of("save $420 more a month", "retire 3 years later"))),
        origin);
    workflow.handle(event(MessageType.PLAN_VERIFIED, 2, verified("REJECTED")), origin);
    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
    assertThat(plan.statusReason())
        .contains("2 rounds")
        .contains("MAX_CONTRIBUTION_EXCEEDED (IRA limit is $7,000)")
        .endsWith("relax: save $420 more a month; retire 3 years later");
  }

  @Test
  void anAgentFailureFailsThePlanWithTheReason() {
    reachVerifying();
    workflow.handle(
        event(
            MessageType.AGENT_FAILED,
            0,
            new Payloads.AgentFailed("verification", "VerifyPlan", "poison message: bad json")),
        origin);
    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.FAILED);
    assertThat(plan.statusReason())
        .isEqualTo("verification agent failed on VerifyPlan: poison message: bad json");
    assertThat(workflow.handle(event(MessageType.PLAN_VERIFIED, 1, verified("APPROVED")), origin))
        .isEqualTo(Workflow.Disposition.IGNORED);
  }

  @Test
  void aLedgerRefusalFailsThePlanWithTheReason() {
    reachVerifying();
    workflow.handle(event(MessageType.PLAN_VERIFIED, 1, verified("APPROVED")), origin);
    workflow.handle(
        event(
            MessageType.PLAN_EXECUTED,
            1,
            new Payloads.PlanExecuted(0, "step 3 (contribute) refused: over the IRA limit")),
        origin);
    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.FAILED);
    assertThat(plan.statusReason())
        .isEqualTo("execution agent: step 3 (contribute) refused: over the IRA limit");
  }

  @Test
  void everyTransitionIsNotifiedWithItsHistoryEntryAndNothingElseIs() {
    Envelope submitted = event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted());
    workflow.handle(submitted, origin);
    workflow.handle(submitted, origin);
    workflow.handle(
        event(MessageType.PLAN_EXECUTED, 1, new Payloads.PlanExecuted(1, null)), origin);
    reachVerifying();

    assertThat(notified).isEqualTo(plans.history("p1"));
    assertThat(notified)
        .extracting(PlanEvent::to)
        .containsExactly(PlanStatus.RETRIEVING, PlanStatus.PLANNING, PlanStatus.VERIFYING);
  }

  @Test
  void aFailingNotifierDoesNotUndoOrStopTheTransition() {
    Workflow unlucky =
        workflow(
            (updated, event) -> {
              throw new IllegalStateException("api gateway unreachable");
            });

    Workflow.Disposition outcome =
        unlucky.handle(event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted()), origin);

    assertThat(outcome).isEqualTo(Workflow.Disposition.ADVANCED);
    assertThat(status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(lastSent().type()).isEqualTo(MessageType.RETRIEVE_MARKET_DATA);
    assertThat(plans.history("p1")).hasSize(1);
  }

  @Test
  void unknownPlansAndCommandsArePoison() {
    Envelope forNobody =
        Envelope.create(
            MessageType.PLAN_SUBMITTED, "nope", 0, "u1", new Payloads.PlanSubmitted(), NOW);
    assertThatThrownBy(() -> workflow.handle(forNobody, origin))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("unknown plan nope");
    assertThatThrownBy(
            () ->
                workflow.handle(
                    event(MessageType.VERIFY_PLAN, 1, new Payloads.VerifyPlan()), origin))
        .isInstanceOf(PoisonMessageException.class);
  }

  private void reachVerifying() {
    workflow.handle(event(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted()), origin);
    workflow.handle(
        event(
            MessageType.MARKET_DATA_RETRIEVED,
            0,
            new Payloads.MarketDataRetrieved("x", "e", "snap-1")),
        origin);
    workflow.handle(event(MessageType.PLAN_GENERATED, 1, generated()), origin);
  }

  private static Payloads.PlanGenerated generated() {
    return new Payloads.PlanGenerated("balanced", 0.85, List.of());
  }

  private static Payloads.PlanVerified verified(String outcome) {
    return new Payloads.PlanVerified(
        outcome,
        "APPROVED".equals(outcome)
            ? List.of()
            : List.of(
                new FindingToResolve("MAX_CONTRIBUTION_EXCEEDED", "ERROR", "IRA limit is $7,000")));
  }
}

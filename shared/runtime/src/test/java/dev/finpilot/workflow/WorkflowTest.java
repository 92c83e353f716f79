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
  void aRejectedPlanIsReplannedWithTheFindingsThenRejectedWhenNoRelaxationIsLeft() {
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
    assertThat(status()).as("rounds ran out: a relaxed version is asked for").isEqualTo(REPLANNING);
    assertThat(plans.find("p1").orElseThrow().statusReason())
        .contains("2 rounds", "MAX_CONTRIBUTION_EXCEEDED (IRA limit is $7,000)")
        .endsWith("planning the smallest relaxation that passes");
    assertThat(lastSent().planVersion()).isEqualTo(3);
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).relaxing())
        .isEqualTo(new Payloads.Relaxing(2, 1));

    workflow.handle(event(MessageType.PLAN_GENERATED, 3, nothingToPropose()), origin);
    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
    assertThat(plan.currentVersion()).as("version 3 was never stored").isEqualTo(2);
    assertThat(plan.statusReason())
        .startsWith("no plan passed verification in 2 rounds, nor as any relaxation")
        .contains("relax: save $420 more a month; retire 3 years later")
        .endsWith("no version of the plan is in force");
  }

  @Test
  void aFirstPlanOutOfReachProposesARelaxedVersionThatWaitsForItsOwner() {
    reachRelaxedVerification();

    PlanRecord pending = plans.find("p1").orElseThrow();
    assertThat(pending.status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(pending.currentVersion()).isEqualTo(3);
    assertThat(pending.activeVersion()).isZero();
    assertThat(pending.statusReason())
        .isEqualTo(
            "no plan passed verification in 2 rounds; "
                + LATER
                + " (CONDITIONAL); it still carries MAX_CONTRIBUTION_EXCEEDED (IRA limit is"
                + " $7,000); it awaits its owner's approval; nothing is in force until then");
    assertThat(lastSent().type()).as("nothing executes before approval").isEqualTo(VERIFY);

    workflow.handle(event(MessageType.VERSION_APPROVED, 3, new Payloads.VersionApproved()), origin);
    assertThat(status()).isEqualTo(PlanStatus.EXECUTING);
    assertThat(lastSent().planVersion()).isEqualTo(3);
    workflow.handle(
        event(MessageType.PLAN_EXECUTED, 3, new Payloads.PlanExecuted(3, null)), origin);
    assertThat(status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plans.find("p1").orElseThrow().activeVersion()).isEqualTo(3);
  }

  @Test
  void aDeclinedRelaxedFirstPlanIsRejectedSayingSo() {
    reachRelaxedVerification();

    workflow.handle(event(MessageType.VERSION_DECLINED, 3, new Payloads.VersionDeclined()), origin);

    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
    assertThat(plan.statusReason())
        .isEqualTo("version 3 declined by its owner; no version of the plan is in force");
  }

  @Test
  void aRelaxedVersionThatFailsMakesWayForTheNextRelaxationOfTheSameVersion() {
    reachRelaxedVersion();
    workflow.handle(event(MessageType.PLAN_VERIFIED, 3, verified("REJECTED")), origin);

    assertThat(status()).isEqualTo(REPLANNING);
    assertThat(plans.find("p1").orElseThrow().statusReason())
        .startsWith("relaxed version 3 did not pass verification either: MAX_CONTRIBUTION");
    assertThat(lastSent().planVersion()).isEqualTo(4);
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).relaxing())
        .isEqualTo(new Payloads.Relaxing(2, 2));
  }

  @Test
  void aRedeliveredRelaxedAnswerChangesNothing() {
    reachRelaxedVersion();
    Envelope passed = event(MessageType.PLAN_VERIFIED, 3, verified("CONDITIONAL"));
    workflow.handle(passed, origin);
    PlanRecord once = plans.find("p1").orElseThrow();
    int sentOnce = sent.size();

    assertThat(workflow.handle(passed, origin)).isEqualTo(Workflow.Disposition.IGNORED);
    assertThat(workflow.handle(event(MessageType.PLAN_GENERATED, 3, relaxedVersion()), origin))
        .isEqualTo(Workflow.Disposition.IGNORED);
    assertThat(plans.find("p1").orElseThrow()).isEqualTo(once);
    assertThat(sent).hasSize(sentOnce);
  }

  private static final MessageType VERIFY = MessageType.VERIFY_PLAN;
  private static final PlanStatus REPLANNING = PlanStatus.REPLANNING;
  private static final String LATER =
      "as asked, the best plan (version 2) has a 41.0% chance of success; version 3 moves"
          + " 'Retire' from 2051-06-30 to 2054-06-30 (3 years later): success 72.0% vs 41.0%";

  /** Both rounds fail and the smallest relaxation of version 2 is planned as version 3. */
  private void reachRelaxedVersion() {
    reachVerifying();
    workflow.handle(event(MessageType.PLAN_VERIFIED, 1, verified("REJECTED")), origin);
    workflow.handle(event(MessageType.PLAN_GENERATED, 2, generated()), origin);
    workflow.handle(event(MessageType.PLAN_VERIFIED, 2, verified("REJECTED")), origin);
    workflow.handle(event(MessageType.PLAN_GENERATED, 3, relaxedVersion()), origin);
    assertThat(status()).isEqualTo(PlanStatus.VERIFYING);
  }

  private void reachRelaxedVerification() {
    reachRelaxedVersion();
    workflow.handle(event(MessageType.PLAN_VERIFIED, 3, verified("CONDITIONAL")), origin);
  }

  private static Payloads.PlanGenerated relaxedVersion() {
    return new Payloads.PlanGenerated("balanced", 0.72, List.of(), LATER);
  }

  private static Payloads.PlanGenerated nothingToPropose() {
    return new Payloads.PlanGenerated(
        null, 0.41, List.of("save $420 more a month", "retire 3 years later"), null);
  }

  @Test
  void anAgentFailureFailsThePlanWithTheReason() {
    reachVerifying();
    workflow.handle(
        event(
            MessageType.AGENT_FAILED,
            0,
            new Payloads.AgentFailed("verification", "VerifyPlan", "it failed 5 times in a row")),
        origin);
    PlanRecord plan = plans.find("p1").orElseThrow();
    assertThat(plan.status()).isEqualTo(PlanStatus.FAILED);
    assertThat(plan.statusReason())
        .isEqualTo("the verification step could not finish: it failed 5 times in a row");
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

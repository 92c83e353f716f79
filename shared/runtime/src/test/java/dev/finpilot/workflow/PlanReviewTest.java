package dev.finpilot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.Approval;
import dev.finpilot.monitoring.LifeEvent;
import dev.finpilot.monitoring.LifeEventType;
import dev.finpilot.monitoring.ReviewAction;
import dev.finpilot.monitoring.ReviewDecision;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.planning.FindingToResolve;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitoring loop's half of the workflow: reviewing an ACTIVE plan after a trigger. */
class PlanReviewTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final List<Envelope> sent = new ArrayList<>();
  private final List<PlanRecord> notified = new ArrayList<>();
  private final MessageBus bus = (envelope, origin) -> sent.add(envelope);
  private final Workflow workflow =
      new Workflow(
          plans,
          bus,
          Clock.fixed(NOW, ZoneOffset.UTC),
          new WorkflowPolicy(2),
          (updated, event) -> notified.add(updated));
  private final MessageOrigin origin = MessageOrigin.start("corr-review");

  @BeforeEach
  void activateVersionOne() {
    plans.create(PlanRecord.received("p1", "u1", FinancialStateFixtures.request(), "c0", NOW));
    handle(MessageType.PLAN_SUBMITTED, 0, new Payloads.PlanSubmitted());
    handle(
        MessageType.MARKET_DATA_RETRIEVED, 0, new Payloads.MarketDataRetrieved("s", "e", "snap-1"));
    handle(MessageType.PLAN_GENERATED, 1, generated());
    handle(MessageType.PLAN_VERIFIED, 1, verified("APPROVED"));
    handle(MessageType.PLAN_EXECUTED, 1, new Payloads.PlanExecuted(2, null));
    assertThat(plan().activeVersion()).isEqualTo(1);
    sent.clear();
    notified.clear();
  }

  @Test
  void aGraveLifeEventProposesANewVersionThatReplacesTheOldOnlyOnceApproved() {
    report(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL), JOB_LOSS);
    assertThat(plan().status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(plan().request().state().annualIncome()).isEqualTo(Money.zeroUsd());
    assertThat(plan().request().asOf()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(lastSent().type()).isEqualTo(MessageType.RETRIEVE_MARKET_DATA);

    reachVerifiedVersion(2, "APPROVED");

    PlanRecord pending = plan();
    assertThat(pending.status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(pending.currentVersion()).isEqualTo(2);
    assertThat(pending.activeVersion()).isEqualTo(1);
    assertThat(pending.statusReason()).contains("version 2", "awaits", "version 1 stays in force");
    assertThat(lastSent().type()).as("nothing executes before approval").isEqualTo(VERIFY);
    assertThat(notified).extracting(PlanRecord::status).contains(PlanStatus.AWAITING_APPROVAL);

    handle(MessageType.VERSION_APPROVED, 2, new Payloads.VersionApproved());
    assertThat(plan().status()).isEqualTo(PlanStatus.EXECUTING);
    assertThat(lastSent().type()).isEqualTo(MessageType.EXECUTE_PLAN);
    assertThat(lastSent().planVersion()).isEqualTo(2);

    handle(MessageType.PLAN_EXECUTED, 2, new Payloads.PlanExecuted(4, null));
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(2);
    assertThat(plan().statusReason()).isEqualTo("version 2 replaced version 1");
    assertThat(plans.history("p1"))
        .extracting(PlanEvent::messageType)
        .contains("TriggerRaised", "VersionApproved");
  }

  @Test
  void aDeclinedVersionLeavesTheActiveOneInForceAndTheNextReviewMakesANewer() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    reachVerifiedVersion(2, "APPROVED");

    handle(MessageType.VERSION_DECLINED, 2, new Payloads.VersionDeclined());

    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(1);
    assertThat(plan().currentVersion()).isEqualTo(2);
    assertThat(plan().statusReason())
        .isEqualTo("version 2 declined by its owner; version 1 remains the active plan");

    raise(decision("t2", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    handle(
        MessageType.MARKET_DATA_RETRIEVED, 2, new Payloads.MarketDataRetrieved("s", "e", "snap-1"));
    assertThat(lastSent().planVersion()).as("versions are never reused").isEqualTo(3);
  }

  @Test
  void approvalsForAnotherVersionOrStateAreIgnored() {
    handle(MessageType.VERSION_APPROVED, 1, new Payloads.VersionApproved());
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);

    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    reachVerifiedVersion(2, "APPROVED");
    handle(MessageType.VERSION_APPROVED, 1, new Payloads.VersionApproved());
    assertThat(plan().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
  }

  @Test
  void aReverifiedPlanThatStillPassesStaysAsItWasWithoutANewVersion() {
    raise(decision("t1", ReviewAction.REVERIFY, Approval.AUTO_APPLY_IF_APPROVED));
    assertThat(plan().status()).isEqualTo(PlanStatus.REVIEWING);
    assertThat(lastSent().type()).isEqualTo(VERIFY);
    assertThat(lastSent().planVersion()).as("the active version is checked").isEqualTo(1);
    assertThat(lastSent().payloadAs(Payloads.VerifyPlan.class).triggerId()).isEqualTo("t1");
    handle(MessageType.PLAN_VERIFIED, 1, verified("REJECTED"));
    assertThat(plan().status())
        .as("an answer to the verification of version 1 when the plan was made")
        .isEqualTo(PlanStatus.REVIEWING);

    handle(MessageType.PLAN_VERIFIED, 1, reverified("CONDITIONAL", "t1"));

    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().currentVersion()).isEqualTo(1);
    assertThat(plan().statusReason()).contains("version 1 still passes verification");
  }

  @Test
  void aReverifiedPlanThatFailsIsReplannedAndAppliedAtOnceWhereThePolicyAllows() {
    raise(decision("t1", ReviewAction.REVERIFY, Approval.AUTO_APPLY_IF_APPROVED));
    handle(MessageType.PLAN_VERIFIED, 1, reverified("REJECTED", "t1"));
    assertThat(plan().status()).isEqualTo(PlanStatus.PLANNING);
    assertThat(plan().statusReason())
        .isEqualTo(
            "version 1 no longer passes verification after the change: EMERGENCY_FUND_LOW (thin)");
    assertThat(lastSent().planVersion()).isEqualTo(2);
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).findingsToResolve())
        .extracting(FindingToResolve::code)
        .containsExactly("EMERGENCY_FUND_LOW");
    // Replanning after a re-verification reads no markets: the active version's snapshot stays.
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).snapshotId()).isNull();

    handle(MessageType.PLAN_GENERATED, 2, generated());
    handle(MessageType.PLAN_VERIFIED, 2, verified("APPROVED"));

    assertThat(plan().status()).isEqualTo(PlanStatus.EXECUTING);
    assertThat(plan().statusReason()).contains("applied without approval");
  }

  @Test
  void aConditionallyApprovedVersionNeedsTheOwnerEvenWhereThePolicyAllowsAutoApply() {
    raise(decision("t1", ReviewAction.REVERIFY, Approval.AUTO_APPLY_IF_APPROVED));
    handle(MessageType.PLAN_VERIFIED, 1, reverified("REJECTED", "t1"));
    handle(MessageType.PLAN_GENERATED, 2, generated());
    handle(MessageType.PLAN_VERIFIED, 2, verified("CONDITIONAL"));

    assertThat(plan().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
  }

  @Test
  void aLowTriggerIsRecordedAndThePlanStands() {
    report(decision("t1", ReviewAction.MONITOR, Approval.NOT_NEEDED), JOB_LOSS);

    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().request().state().annualIncome()).isEqualTo(Money.zeroUsd());
    assertThat(plan().statusReason()).isEqualTo("why t1");
    assertThat(sent).isEmpty();
    assertThat(plans.history("p1")).last().extracting(PlanEvent::to).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void theSameTriggerIsReviewedOnceAndATriggerDuringAReviewWaitsForItsEnd() {
    ReviewDecision t1 = decision("t1", ReviewAction.MONITOR, Approval.NOT_NEEDED);
    raise(t1);
    long revision = plan().revision();
    raise(t1);
    assertThat(plan().revision()).isEqualTo(revision);

    raise(decision("t2", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    reachVerifiedVersion(2, "APPROVED");
    report(decision("t3", ReviewAction.REPLAN, Approval.USER_APPROVAL), JOB_LOSS);
    report(decision("t3", ReviewAction.REPLAN, Approval.USER_APPROVAL), JOB_LOSS);
    PlanRecord waiting = plan();
    assertThat(waiting.status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(waiting.review().triggerId()).isEqualTo("t2");
    assertThat(waiting.deferred()).hasSize(1);
    assertThat(waiting.request().state().annualIncome())
        .as("applied when its review starts")
        .isEqualTo(FinancialStateFixtures.typical().annualIncome());
    assertThat(waiting.statusReason()).contains("JOB_LOSS", "will be reviewed");

    handle(MessageType.VERSION_DECLINED, 2, new Payloads.VersionDeclined());

    PlanRecord next = plan();
    assertThat(next.status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(next.review().triggerId()).isEqualTo("t3");
    assertThat(next.deferred()).isEmpty();
    assertThat(next.activeVersion()).isEqualTo(1);
    assertThat(next.request().state().annualIncome()).isEqualTo(Money.zeroUsd());
    assertThat(next.statusReason()).contains("declined by its owner", "then why t3");
  }

  @Test
  void reportsInQuickSuccessionAddUpRatherThanOverwriteEachOther() {
    report(
        decision("t1", ReviewAction.MONITOR, Approval.NOT_NEEDED),
        LifeEvent.incomeChange("e1", NOW, new BigDecimal("10")));
    report(
        decision("t2", ReviewAction.MONITOR, Approval.NOT_NEEDED),
        LifeEvent.withAmount("e2", LifeEventType.WINDFALL, NOW, Money.usd(1_000)));

    var state = plan().request().state();
    assertThat(state.annualIncome()).isEqualTo(Money.usd(99_000));
    assertThat(state.balance(AccountType.CASH)).isEqualTo(Money.usd(13_000));
  }

  @Test
  void reviewsStartedTogetherTakeTheGravestDecision() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    raise(decision("t2", ReviewAction.MONITOR, Approval.NOT_NEEDED));
    raise(decision("t3", ReviewAction.REVERIFY, Approval.AUTO_APPLY_IF_APPROVED));
    handle(
        MessageType.AGENT_FAILED,
        0,
        new Payloads.AgentFailed("retrieval", "RetrieveMarketData", "x"));

    assertThat(plan().status()).isEqualTo(PlanStatus.REVIEWING);
    assertThat(plan().review().action()).isEqualTo(ReviewAction.REVERIFY);
    assertThat(plan().review().approval()).isEqualTo(Approval.AUTO_APPLY_IF_APPROVED);
    assertThat(plan().review().reasons()).containsExactly("why t2", "why t3");
    long revision = plan().revision();
    raise(decision("t2", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    assertThat(plan().revision()).as("t2 is covered by the combined review").isEqualTo(revision);
  }

  @Test
  void aLifeEventReviewedWithAMarketMoveStillNeedsItsOwner() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    report(decision("t2", ReviewAction.MONITOR, Approval.NOT_NEEDED), JOB_LOSS);
    raise(decision("t3", ReviewAction.REVERIFY, Approval.AUTO_APPLY_IF_APPROVED));
    handle(
        MessageType.AGENT_FAILED,
        0,
        new Payloads.AgentFailed("retrieval", "RetrieveMarketData", "x"));

    assertThat(plan().review().action()).isEqualTo(ReviewAction.REVERIFY);
    assertThat(plan().review().approval()).isEqualTo(Approval.USER_APPROVAL);
  }

  @Test
  void triggersBeyondTheLimitDoNotPileUpOnThePlan() {
    raise(decision("t0", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    for (int i = 1; i <= PlanRecord.MAX_DEFERRED + 2; i++) {
      raise(decision("t" + i, ReviewAction.MONITOR, Approval.NOT_NEEDED));
    }

    assertThat(plan().deferred()).hasSize(PlanRecord.MAX_DEFERRED);
  }

  @Test
  void aTriggerBeyondTheLimitIsRecordedInTheHistoryNotDroppedSilently() {
    raise(decision("t0", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    for (int i = 1; i <= PlanRecord.MAX_DEFERRED + 2; i++) {
      raise(decision("t" + i, ReviewAction.MONITOR, Approval.NOT_NEEDED));
    }

    assertThat(plans.history("p1"))
        .extracting(PlanEvent::reason)
        .filteredOn(reason -> reason != null && reason.contains(WorkflowStep.NOT_KEPT))
        .hasSize(2);
    assertThat(plan().statusReason()).containsOnlyOnce(WorkflowStep.NOT_KEPT);
  }

  @Test
  void aStaleAgentFailureDoesNotEndAReviewAwaitingItsOwner() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    reachVerifiedVersion(2, "APPROVED");

    handle(
        MessageType.AGENT_FAILED, 2, new Payloads.AgentFailed("planning", "GeneratePlan", "late"));

    assertThat(plan().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
  }

  @Test
  void everyWayAReviewFailsLeavesTheActiveVersionInForce() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    handle(
        MessageType.AGENT_FAILED,
        0,
        new Payloads.AgentFailed("retrieval", "RetrieveMarketData", "x"));
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(1);

    raise(decision("t2", ReviewAction.REPLAN, Approval.AUTO_APPLY_IF_APPROVED));
    handle(
        MessageType.MARKET_DATA_RETRIEVED, 1, new Payloads.MarketDataRetrieved("s", "e", "snap-1"));
    handle(MessageType.PLAN_GENERATED, 2, generated());
    handle(MessageType.PLAN_VERIFIED, 2, verified("REJECTED"));
    handle(MessageType.PLAN_GENERATED, 3, generated());
    handle(MessageType.PLAN_VERIFIED, 3, verified("REJECTED"));
    handle(MessageType.PLAN_GENERATED, 4, new Payloads.PlanGenerated(null, 0.4, List.of(), null));
    assertThat(plan().status()).as("rounds and relaxations exhausted").isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().statusReason()).contains("no plan passed", "version 1 remains");

    raise(decision("t3", ReviewAction.REPLAN, Approval.AUTO_APPLY_IF_APPROVED));
    handle(
        MessageType.MARKET_DATA_RETRIEVED, 3, new Payloads.MarketDataRetrieved("s", "e", "snap-1"));
    handle(MessageType.PLAN_GENERATED, 4, generated());
    handle(MessageType.PLAN_VERIFIED, 4, verified("APPROVED"));
    handle(MessageType.PLAN_EXECUTED, 4, new Payloads.PlanExecuted(0, "overdraft"));
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(1);
    assertThat(plan().statusReason()).contains("overdraft");
  }

  @Test
  void whenNoVersionPassesTheRelaxedOneAwaitsApprovalSayingWhyTheGoalNoLongerHolds() {
    report(decision("t1", ReviewAction.REPLAN, Approval.AUTO_APPLY_IF_APPROVED), JOB_LOSS);
    reachVerifiedVersion(2, "REJECTED");
    handle(MessageType.PLAN_GENERATED, 3, generated());
    handle(MessageType.PLAN_VERIFIED, 3, verified("REJECTED"));
    assertThat(lastSent().payloadAs(Payloads.GeneratePlan.class).relaxing())
        .isEqualTo(new Payloads.Relaxing(3, 1));
    handle(
        MessageType.PLAN_GENERATED,
        4,
        new Payloads.PlanGenerated("balanced", 0.8, List.of(), LATER));
    handle(MessageType.PLAN_VERIFIED, 4, verified("APPROVED"));

    PlanRecord pending = plan();
    assertThat(pending.status())
        .as("a relaxed version needs its owner even where the policy would apply it")
        .isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(pending.statusReason())
        .isEqualTo(
            "no plan passed verification in 2 rounds after why t1; "
                + LATER
                + " (APPROVED); it awaits its owner's approval; version 1 stays in force until"
                + " then");

    handle(MessageType.VERSION_DECLINED, 4, new Payloads.VersionDeclined());
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(1);
    assertThat(plan().statusReason())
        .isEqualTo("version 4 declined by its owner; version 1 remains the active plan");
  }

  @Test
  void anApprovedRelaxedVersionReplacesTheActiveOne() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));
    reachVerifiedVersion(2, "REJECTED");
    handle(MessageType.PLAN_GENERATED, 3, generated());
    handle(MessageType.PLAN_VERIFIED, 3, verified("REJECTED"));
    handle(
        MessageType.PLAN_GENERATED,
        4,
        new Payloads.PlanGenerated("balanced", 0.8, List.of(), LATER));
    handle(MessageType.PLAN_VERIFIED, 4, verified("APPROVED"));

    handle(MessageType.VERSION_APPROVED, 4, new Payloads.VersionApproved());
    assertThat(lastSent().type()).isEqualTo(MessageType.EXECUTE_PLAN);
    handle(MessageType.PLAN_EXECUTED, 4, new Payloads.PlanExecuted(4, null));
    assertThat(plan().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plan().activeVersion()).isEqualTo(4);
    assertThat(plan().statusReason()).isEqualTo("version 4 replaced version 1");
  }

  private static final String LATER =
      "as asked, the best plan (version 3) has a 40.0% chance of success; version 4 moves 'Retire'"
          + " from 2051-06-30 to 2055-06-30 (4 years later): success 80.0% vs 40.0%";

  @Test
  void aPlanUnderReviewCannotBeCancelled() {
    raise(decision("t1", ReviewAction.REPLAN, Approval.USER_APPROVAL));

    assertThatThrownBy(() -> Transition.cancel(plan(), "c", NOW))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("under review");
  }

  @Test
  void anEditReplansOnTheNewGoalsAndWaitsForItsOwnerWhateverTheDecisionSays() {
    Goal edited = plan().request().goals().get(0);
    Goal renamed =
        new Goal(
            edited.type(),
            edited.targetAmount(),
            edited.basis(),
            edited.targetDate(),
            edited.priority(),
            "the edited goal");
    Payloads.PlanEdit edit = new Payloads.PlanEdit(List.of(renamed), null);

    handle(
        MessageType.TRIGGER_RAISED,
        1,
        Payloads.TriggerRaised.edited(
            decision("edit-1", ReviewAction.REPLAN, Approval.AUTO_APPLY_IF_APPROVED), edit));

    assertThat(plan().status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(plan().request().goals()).containsExactly(renamed);
    assertThat(plan().request().state()).isEqualTo(FinancialStateFixtures.request().state());
    reachVerifiedVersion(2, "APPROVED");
    assertThat(plan().status()).isEqualTo(PlanStatus.AWAITING_APPROVAL);
    assertThat(plan().activeVersion()).isEqualTo(1);
  }

  @Test
  void aTriggerSentBeforeEditsExistedStillReads() {
    String earlier =
        Json.write(
                Payloads.TriggerRaised.market(
                    decision("t9", ReviewAction.MONITOR, Approval.NOT_NEEDED)))
            .replace(",\"edit\":null", "");
    assertThat(earlier).doesNotContain("\"edit\"");

    Payloads.TriggerRaised read = Json.read(earlier, Payloads.TriggerRaised.class);

    assertThat(read.edit()).isNull();
    assertThat(read.byOwner()).isFalse();
    assertThat(read.decision().triggerId()).isEqualTo("t9");
  }

  private static final MessageType VERIFY = MessageType.VERIFY_PLAN;
  private static final LifeEvent JOB_LOSS = LifeEvent.of("e-job", LifeEventType.JOB_LOSS, NOW);

  private void reachVerifiedVersion(int version, String outcome) {
    handle(
        MessageType.MARKET_DATA_RETRIEVED, 1, new Payloads.MarketDataRetrieved("s", "e", "snap-1"));
    assertThat(lastSent().planVersion()).isEqualTo(version);
    handle(MessageType.PLAN_GENERATED, version, generated());
    handle(MessageType.PLAN_VERIFIED, version, verified(outcome));
  }

  private void raise(ReviewDecision decision) {
    handle(MessageType.TRIGGER_RAISED, 1, Payloads.TriggerRaised.market(decision));
  }

  private void report(ReviewDecision decision, LifeEvent event) {
    handle(MessageType.TRIGGER_RAISED, 1, new Payloads.TriggerRaised(decision, event, null));
  }

  private void handle(MessageType type, int version, Object payload) {
    workflow.handle(Envelope.create(type, "p1", version, "u1", payload, NOW), origin);
  }

  private PlanRecord plan() {
    return plans.find("p1").orElseThrow();
  }

  private Envelope lastSent() {
    return sent.get(sent.size() - 1);
  }

  private static ReviewDecision decision(String id, ReviewAction action, Approval approval) {
    return new ReviewDecision(
        id,
        "p1",
        TriggerSeverity.HIGH,
        action,
        approval,
        true,
        NOW.plusSeconds(86_400),
        List.of("why " + id));
  }

  private static Payloads.PlanGenerated generated() {
    return new Payloads.PlanGenerated("balanced", 0.8, List.of());
  }

  private static Payloads.PlanVerified reverified(String outcome, String triggerId) {
    Payloads.PlanVerified v = verified(outcome);
    return new Payloads.PlanVerified(v.outcome(), v.findings(), triggerId);
  }

  private static Payloads.PlanVerified verified(String outcome) {
    return new Payloads.PlanVerified(
        outcome,
        "REJECTED".equals(outcome)
            ? List.of(new FindingToResolve("EMERGENCY_FUND_LOW", "ERROR", "thin"))
            : List.of());
  }
}

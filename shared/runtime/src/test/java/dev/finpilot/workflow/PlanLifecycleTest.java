package dev.finpilot.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanConflictException;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submitting, cancelling and handing over, as the API does it. */
class PlanLifecycleTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00.000900Z");
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final List<Envelope> sent = new ArrayList<>();
  private final List<MessageOrigin> origins = new ArrayList<>();
  private final List<PlanEvent> notified = new ArrayList<>();
  private boolean queueDown;
  private final MessageBus bus =
      (envelope, origin) -> {
        if (queueDown) {
          throw new IllegalStateException("queue unreachable");
        }
        sent.add(envelope);
        origins.add(origin);
      };
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private PlanLifecycle lifecycle() {
    return lifecycle(clock);
  }

  private PlanLifecycle lifecycle(Clock at) {
    return new PlanLifecycle(plans, bus, at, (updated, event) -> notified.add(event));
  }

  @Test
  void aSubmittedPlanIsStoredReceivedAndHandedToTheWorkflow() {
    PlanRecord plan = lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1");

    assertThat(plans.find(plan.planId())).contains(plan);
    assertThat(plan.status()).isEqualTo(PlanStatus.RECEIVED);
    assertThat(plan.createdAt()).isEqualTo(NOW);
    assertThat(sent)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(MessageType.PLAN_SUBMITTED);
              assertThat(e.planId()).isEqualTo(plan.planId());
              assertThat(e.userId()).isEqualTo("u1");
            });
    assertThat(origins).containsExactly(MessageOrigin.start("corr-1"));
  }

  @Test
  void aPlanTheQueueRefusedEndsFailedWithTheSubmissionAsCause() {
    queueDown = true;
    // Created at .0009 s, failed at .0011 s: 0.2 ms in RECEIVED, counted as 0 ms, as everywhere.
    PlanLifecycle lifecycle = lifecycle(new Steps(NOW, NOW.plusNanos(200_000)));

    assertThatThrownBy(() -> lifecycle.submit("u1", FinancialStateFixtures.request(), "corr-1"))
        .isInstanceOf(PlanLifecycle.NotQueuedException.class)
        .hasMessage(PlanLifecycle.NOT_QUEUED);

    Transition failed = plans.applied().get(0);
    assertThat(failed.event())
        .isEqualTo(
            new PlanEvent(
                failed.updated().planId(),
                1,
                PlanStatus.RECEIVED,
                PlanStatus.FAILED,
                MessageType.PLAN_SUBMITTED.wireName(),
                failed.updated().lastMessageId(),
                "corr-1",
                PlanLifecycle.NOT_QUEUED,
                NOW.plusNanos(200_000),
                0));
    assertThat(plans.applied()).hasSize(1);
  }

  @Test
  void aStoreThatIsDownAsWellStillLeavesTheCallerANotQueuedAnswer() {
    queueDown = true;
    plans.breakTransitionsWith(new IllegalStateException("store down"));

    assertThatThrownBy(() -> lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1"))
        .isInstanceOf(PlanLifecycle.NotQueuedException.class);
    assertThat(plans.applied()).isEmpty();
  }

  @Test
  void aCancellationIsStoredNotifiedAndAnswered() {
    PlanRecord plan = lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1");

    PlanRecord cancelled = lifecycle().cancel(plan, "corr-2");

    assertThat(cancelled.status()).isEqualTo(PlanStatus.CANCELLED);
    assertThat(plans.find(plan.planId())).contains(cancelled);
    assertThat(notified)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.messageType()).isEqualTo("CancelRequested");
              assertThat(e.correlationId()).isEqualTo("corr-2");
            });
  }

  @Test
  void aCancellationThatRacedTheWorkflowIsTriedAgainOnThePlanAsItNowIs() {
    PlanRecord read = lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1");
    plans.apply(
        Transition.of(
            PlanChange.of(read, PlanStatus.RETRIEVING, null),
            new Transition.Cause(MessageType.PLAN_SUBMITTED, "m1", "corr-1"),
            NOW));

    PlanRecord cancelled = lifecycle().cancel(read, "corr-2");

    assertThat(cancelled.revision()).isEqualTo(2);
    assertThat(cancelled.statusReason()).isEqualTo("cancelled by its owner while RETRIEVING");
  }

  @Test
  void aFinishedPlanIsAConflict() {
    PlanRecord plan = lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1");
    PlanRecord cancelled = lifecycle().cancel(plan, "corr-2");

    assertThatThrownBy(() -> lifecycle().cancel(cancelled, "corr-3"))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("CANCELLED");
    assertThat(notified).hasSize(1);
  }

  @Test
  void theOwnersDecisionIsHandedToTheWorkflowOrRefusedWhenTheQueueIsDown() {
    PlanRecord plan = lifecycle().submit("u1", FinancialStateFixtures.request(), "corr-1");

    lifecycle()
        .handOver(plan, MessageType.VERSION_DECLINED, 2, new Payloads.VersionDeclined(), "c-2");
    queueDown = true;

    assertThat(sent.get(1).type()).isEqualTo(MessageType.VERSION_DECLINED);
    assertThat(sent.get(1).planVersion()).isEqualTo(2);
    assertThat(origins.get(1)).isEqualTo(MessageOrigin.start("c-2"));
    assertThatThrownBy(
            () ->
                lifecycle()
                    .handOver(
                        plan,
                        MessageType.VERSION_APPROVED,
                        2,
                        new Payloads.VersionApproved(),
                        "c-3"))
        .isInstanceOf(PlanLifecycle.NotQueuedException.class)
        .hasMessage(PlanLifecycle.REQUEST_NOT_QUEUED);
  }

  /** A clock that reads each of its instants once, in order. */
  private static final class Steps extends Clock {
    private final Deque<Instant> instants;

    Steps(Instant... instants) {
      this.instants = new ArrayDeque<>(List.of(instants));
    }

    @Override
    public Instant instant() {
      return instants.removeFirst();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

package dev.finpilot.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every way a plan moves leaves the same kind of history entry. */
class TransitionTest {

  // Sub-millisecond instants: the time in the previous state is the duration between them,
  // truncated (0 ms here), not the difference of their epoch milliseconds (1 ms).
  private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00.000900Z");
  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00.001100Z");

  private final PlanRecord received =
      PlanRecord.received("p1", "u1", FinancialStateFixtures.request(), "corr-1", CREATED);

  @Test
  void aStepRecordsItsCauseTheStatesAndTheTimeInTheOldOne() {
    Envelope submitted =
        Envelope.create(
            MessageType.PLAN_SUBMITTED, "p1", 0, "u1", new Payloads.PlanSubmitted(), CREATED);

    Transition t =
        Transition.of(
            PlanChange.of(received, PlanStatus.RETRIEVING, "why")
                .sending(MessageType.RETRIEVE_MARKET_DATA, new Payloads.RetrieveMarketData()),
            Transition.Cause.of(submitted, MessageOrigin.start("corr-2")),
            NOW);

    assertThat(t.event())
        .isEqualTo(
            new PlanEvent(
                "p1",
                1,
                PlanStatus.RECEIVED,
                PlanStatus.RETRIEVING,
                "PlanSubmitted",
                submitted.messageId(),
                "corr-2",
                "why",
                NOW,
                0));
    assertThat(t.updated().revision()).isEqualTo(1);
    assertThat(t.updated().lastMessageId()).isEqualTo(submitted.messageId());
    assertThat(t.updated().updatedAt()).isEqualTo(NOW);
    assertThat(t.updated().createdAt()).isEqualTo(CREATED);
    assertThat(t.updated().statusReason()).isEqualTo("why");
    assertThat(t.command().type()).isEqualTo(MessageType.RETRIEVE_MARKET_DATA);
    assertThat(t.command().planId()).isEqualTo("p1");
    assertThat(t.command().userId()).isEqualTo("u1");
    assertThat(t.command().createdAt()).isEqualTo(NOW);
  }

  @Test
  void aChangeWithoutCommandSendsNothing() {
    Transition t =
        Transition.of(
            PlanChange.of(received, PlanStatus.FAILED, "gone"),
            new Transition.Cause(MessageType.AGENT_FAILED, "m1", "corr-1"),
            NOW);

    assertThat(t.command()).isNull();
    assertThat(t.event().messageType()).isEqualTo("AgentFailed");
  }

  @Test
  void aCommandIsAboutTheNewVersionOrTheActiveOne() {
    PlanRecord planning =
        Transition.of(
                PlanChange.of(received, PlanStatus.PLANNING, null).generating(2, 1).activating(1),
                new Transition.Cause(MessageType.MARKET_DATA_RETRIEVED, "m1", "c"),
                NOW)
            .updated();

    Transition generate =
        Transition.of(
            PlanChange.of(planning, PlanStatus.PLANNING, null)
                .generating(3, 2)
                .sending(MessageType.GENERATE_PLAN, new Payloads.GeneratePlan(2, null)),
            new Transition.Cause(MessageType.PLAN_VERIFIED, "m2", "c"),
            NOW);
    Transition reverify =
        Transition.of(
            PlanChange.of(planning, PlanStatus.REVIEWING, null)
                .sendingAboutActive(MessageType.VERIFY_PLAN, new Payloads.VerifyPlan("t1")),
            new Transition.Cause(MessageType.TRIGGER_RAISED, "m3", "c"),
            NOW);

    assertThat(generate.command().planVersion()).isEqualTo(3);
    assertThat(generate.updated().currentVersion()).isEqualTo(3);
    assertThat(generate.updated().round()).isEqualTo(2);
    assertThat(reverify.command().planVersion()).isEqualTo(1);
    assertThat(reverify.updated().activeVersion()).isEqualTo(1);
  }

  @Test
  void theOwnersCancellationIsACancelRequestedStep() {
    Transition t = Transition.cancel(received, "corr-9", NOW);

    assertThat(t.updated().status()).isEqualTo(PlanStatus.CANCELLED);
    assertThat(t.updated().statusReason()).isEqualTo("cancelled by its owner while RECEIVED");
    assertThat(t.event().from()).isEqualTo(PlanStatus.RECEIVED);
    assertThat(t.event().to()).isEqualTo(PlanStatus.CANCELLED);
    assertThat(t.event().messageType()).isEqualTo(MessageType.CANCEL_REQUESTED.wireName());
    assertThat(t.event().messageId()).isEqualTo("cancel#p1#1");
    assertThat(t.event().correlationId()).isEqualTo("corr-9");
    assertThat(t.event().millisInPreviousState()).isZero();
    assertThat(t.command()).isNull();
  }

  @Test
  void aFinishedPlanIsNotCancelled() {
    PlanRecord failed = Transition.cancel(received, "c", NOW).updated();

    assertThatThrownBy(() -> Transition.cancel(failed, "c", NOW))
        .isInstanceOf(PlanConflictException.class)
        .hasMessage("the plan is already CANCELLED and cannot change");
  }

  @Test
  void historyStoredUnderAFormerMessageNameReadsUnderTheCurrentOne() {
    String stored =
        "{\"planId\":\"p1\",\"revision\":7,\"from\":\"AWAITING_APPROVAL\",\"to\":\"ACTIVE\","
            + "\"messageType\":\"VersionRejected\",\"messageId\":\"m7\",\"correlationId\":\"c\","
            + "\"at\":\"2026-01-05T10:00:00Z\",\"millisInPreviousState\":5}";

    PlanEvent event = Json.read(stored, PlanEvent.class);

    assertThat(event.messageType()).isEqualTo("VersionDeclined");
    assertThat(event.to()).isEqualTo(PlanStatus.ACTIVE);
  }
}

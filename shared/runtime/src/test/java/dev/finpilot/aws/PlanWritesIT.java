package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.workflow.Workflow;
import dev.finpilot.workflow.WorkflowPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A transition is two single-item writes, the history entry and then the head: what happens when
 * its writer stops between them, when its cause is delivered again, and when two writers start from
 * the same revision (docs/architecture.md, "Persistence").
 */
@WithAwsBackend
class PlanWritesIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private final Environment env;
  private final String table;
  private final DynamoPlanRepository plans;

  PlanWritesIT(Environment env) {
    this.env = env;
    this.table = env.tableName("PlansTable");
    this.plans = new DynamoPlanRepository(env.dynamoDb(), table);
  }

  @Test
  void aTransitionWhoseWriterStoppedAfterItsHistoryEntryIsCompletedByTheNextReader() {
    PlanRecord plan = created();
    Envelope command = Commands.generatePlan(plan.planId(), NOW);
    Transition cancelled = Transition.cancel(plan, "corr-cancel", NOW.plusSeconds(5));
    Transition withCommand = new Transition(cancelled.updated(), cancelled.event(), command);

    assertThatThrownBy(() -> stopping().apply(withCommand)).isInstanceOf(SdkClientException.class);
    assertThat(storedHead(plan.planId()).get("status").s())
        .as("the head as the stopped writer left it")
        .isEqualTo("RECEIVED");

    assertThat(plans.find(plan.planId())).contains(cancelled.updated());
    assertThat(storedHead(plan.planId()).get("status").s())
        .as("written by the reader")
        .isEqualTo("CANCELLED");
    assertThat(plans.listByUser(plan.userId(), 10, null).items())
        .containsExactly(cancelled.updated());
    assertThat(plans.history(plan.planId())).containsExactly(cancelled.event());
    assertThat(plans.commandAt(plan.planId(), 1)).contains(command);
  }

  @Test
  void aTransitionRedeliveredAfterItsWriterStoppedIsNotAppliedTwice() {
    PlanRecord plan = created();
    Transition first = toRetrieving(plan, NOW.plusSeconds(1));
    assertThatThrownBy(() -> stopping().apply(first)).isInstanceOf(SdkClientException.class);

    Transition again = toRetrieving(plan, NOW.plusSeconds(30));

    assertThat(plans.apply(again)).as("the revision is taken by the first delivery").isFalse();
    assertThat(plans.find(plan.planId())).contains(first.updated());
    assertThat(plans.history(plan.planId())).containsExactly(first.event());
  }

  @Test
  void aWriterWhoseHeadAReaderCompletedMeanwhileHasStillApplied() {
    PlanRecord plan = created();
    List<PlanRecord> seenMeanwhile = new ArrayList<>();
    DynamoPlanRepository writer =
        new DynamoPlanRepository(
            new BetweenTheWrites(
                env.dynamoDb(), pk -> seenMeanwhile.add(plans.find(plan.planId()).orElseThrow())),
            table);
    Transition transition = toRetrieving(plan, NOW.plusSeconds(1));

    assertThat(writer.apply(transition)).isTrue();

    assertThat(seenMeanwhile).containsExactly(transition.updated());
    assertThat(plans.find(plan.planId())).contains(transition.updated());
    Transition next =
        Transition.of(
            PlanChange.of(transition.updated(), PlanStatus.FAILED, "the next step"),
            new Transition.Cause(MessageType.AGENT_FAILED, "m-next", "corr-1"),
            NOW.plusSeconds(2));
    assertThat(plans.apply(next)).isTrue();
    assertThat(plans.history(plan.planId())).containsExactly(transition.event(), next.event());
  }

  @Test
  void aTransitionOfAPlanErasedBetweenItsWritesLeavesNothingBehind() {
    PlanRecord plan = created();
    DynamoPlanRepository writer =
        new DynamoPlanRepository(
            new BetweenTheWrites(
                env.dynamoDb(),
                pk ->
                    env.dynamoDb().deleteItem(r -> r.tableName(table).key(Items.key(pk, "META")))),
            table);

    assertThat(writer.apply(toRetrieving(plan, NOW.plusSeconds(1)))).isFalse();

    assertThat(plans.find(plan.planId())).isEmpty();
    assertThat(plans.history(plan.planId())).isEmpty();
  }

  @Test
  void theWorkflowResendsTheStoredCommandWhenTheEventIsDeliveredAgainAfterItsWriterStopped() {
    PlanRecord plan = created();
    List<Envelope> sent = new ArrayList<>();
    Envelope submitted =
        Envelope.create(
            MessageType.PLAN_SUBMITTED,
            plan.planId(),
            0,
            plan.userId(),
            new Payloads.PlanSubmitted(),
            NOW);
    MessageOrigin origin = MessageOrigin.start("corr-1");

    assertThatThrownBy(() -> workflow(stopping(), sent).handle(submitted, origin))
        .isInstanceOf(SdkClientException.class);
    assertThat(sent).as("stopped before sending").isEmpty();

    assertThat(workflow(plans, sent).handle(submitted, origin))
        .isEqualTo(Workflow.Disposition.RESENT);
    assertThat(sent)
        .singleElement()
        .isEqualTo(plans.commandAt(plan.planId(), 1).orElseThrow())
        .extracting(Envelope::type)
        .isEqualTo(MessageType.RETRIEVE_MARKET_DATA);
    assertThat(plans.find(plan.planId()).orElseThrow().status()).isEqualTo(PlanStatus.RETRIEVING);
    assertThat(plans.history(plan.planId())).hasSize(1);
  }

  @Test
  void ofTwoWritersStartingFromOneRevisionExactlyOneApplies() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 20; i++) {
        PlanRecord plan = created();
        Transition retrieve = toRetrieving(plan, NOW.plusSeconds(1));
        Transition cancel = Transition.cancel(plan, "corr-cancel", NOW.plusSeconds(1));
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Boolean> first = writers.submit(applyingAfter(together, retrieve));
        Future<Boolean> second = writers.submit(applyingAfter(together, cancel));

        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        Transition winner = first.get() ? retrieve : cancel;
        assertThat(plans.find(plan.planId())).contains(winner.updated());
        assertThat(plans.history(plan.planId())).containsExactly(winner.event());
      }
    } finally {
      writers.shutdownNow();
    }
  }

  @Test
  void historyWrittenBeforeEntriesHeldTheirHeadIsReadAndNeverRolledForward() {
    String planId = UUID.randomUUID().toString();
    PlanRecord received =
        PlanRecord.received(planId, "user-1", FinancialStateFixtures.request(), "corr-1", NOW);
    plans.create(received);
    Transition legacy = toRetrieving(received, NOW.plusSeconds(1));
    Map<String, AttributeValue> entry =
        new HashMap<>(Items.key(DynamoPlanRepository.partition(planId), "EVENT#0000000001"));
    entry.put("event", Items.s(Json.write(legacy.event())));
    env.dynamoDb().putItem(r -> r.tableName(table).item(entry));

    assertThat(plans.find(planId))
        .as("a newest entry without a head changes nothing")
        .contains(received);
    assertThat(plans.history(planId)).containsExactly(legacy.event());
  }

  private Callable<Boolean> applyingAfter(CyclicBarrier together, Transition transition) {
    return () -> {
      together.await();
      return plans.apply(transition);
    };
  }

  private Workflow workflow(DynamoPlanRepository repository, List<Envelope> sent) {
    return new Workflow(
        repository,
        (envelope, origin) -> sent.add(envelope),
        Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC),
        WorkflowPolicy.DEFAULT,
        (updated, event) -> {});
  }

  /** A repository whose writer stops after each history entry, before the head. */
  private DynamoPlanRepository stopping() {
    return new DynamoPlanRepository(
        new BetweenTheWrites(
            env.dynamoDb(),
            pk -> {
              throw SdkClientException.create("the writer stopped before the head of " + pk);
            }),
        table);
  }

  private PlanRecord created() {
    PlanRecord plan =
        PlanRecord.received(
            UUID.randomUUID().toString(),
            "user-" + UUID.randomUUID(),
            FinancialStateFixtures.request(),
            "corr-1",
            NOW);
    assertThat(plans.create(plan)).isTrue();
    return plan;
  }

  private static Transition toRetrieving(PlanRecord plan, Instant at) {
    return Transition.of(
        PlanChange.of(plan, PlanStatus.RETRIEVING, null),
        new Transition.Cause(MessageType.PLAN_SUBMITTED, "m-submitted-" + plan.planId(), "corr-1"),
        at);
  }

  private Map<String, AttributeValue> storedHead(String planId) {
    return env.dynamoDb()
        .getItem(
            r ->
                r.tableName(table)
                    .key(Items.key(DynamoPlanRepository.partition(planId), "META"))
                    .consistentRead(true))
        .item();
  }
}

package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Envelopes sent to the template's queue of their type, with their origin in attributes. */
@WithAwsBackend
class SqsMessageBusIT {

  private final Environment env;

  SqsMessageBusIT(Environment env) {
    this.env = env;
  }

  @Test
  void anEnvelopeGoesToTheQueueOfItsTypeWithItsTrace() {
    SqsMessageBus bus =
        SqsMessageBus.fromEnvironment(
            env.sqs(),
            new FunctionEnvironment(
                Map.of(
                    "PLANNING_QUEUE_URL", env.queueUrl("PlanningQueue"),
                    "WORKFLOW_QUEUE_URL", env.queueUrl("WorkflowQueue"),
                    "EXECUTION_QUEUE_URL", " ")));
    Envelope command = Commands.generatePlan("plan-1", Instant.parse("2026-01-05T10:00:00Z"));

    bus.send(command, new MessageOrigin("corr-1", "cause-1"));

    Message sent = env.queue("PlanningQueue").awaitMessages(1).get(0);
    assertThat(Json.read(sent.body(), Envelope.class)).isEqualTo(command);
    assertThat(sent.messageAttributes())
        .containsOnlyKeys("correlationId", "causationId", "messageType", "planId");
    assertThat(sent.messageAttributes().get("correlationId").stringValue()).isEqualTo("corr-1");
    assertThat(sent.messageAttributes().get("causationId").stringValue()).isEqualTo("cause-1");
    assertThat(sent.messageAttributes().get("messageType").stringValue())
        .isEqualTo(MessageType.GENERATE_PLAN.wireName());
    assertThat(sent.messageAttributes().get("planId").stringValue()).isEqualTo("plan-1");
  }

  @Test
  void manyEnvelopesAreSentInBatchesAndEachArrivesOnceWithItsTrace() {
    SqsMessageBus bus =
        SqsMessageBus.fromEnvironment(
            env.sqs(),
            new FunctionEnvironment(Map.of("PLANNING_QUEUE_URL", env.queueUrl("PlanningQueue"))));
    List<Envelope> commands =
        IntStream.range(0, 23)
            .mapToObj(
                i -> Commands.generatePlan("plan-" + i, Instant.parse("2026-01-05T10:00:00Z")))
            .toList();

    bus.sendAll(commands, new MessageOrigin("corr-batch", null));

    List<Message> sent = env.queue("PlanningQueue").awaitMessages(23);
    assertThat(sent)
        .extracting(m -> Json.read(m.body(), Envelope.class))
        .containsExactlyInAnyOrderElementsOf(commands);
    assertThat(sent)
        .allSatisfy(
            m -> {
              assertThat(m.messageAttributes().get("correlationId").stringValue())
                  .isEqualTo("corr-batch");
              assertThat(m.messageAttributes()).doesNotContainKey("causationId");
            });
  }

  @Test
  void aTypeWhoseQueueTheFunctionWasNotGivenIsRefused() {
    SqsMessageBus bus =
        SqsMessageBus.fromEnvironment(
            env.sqs(),
            new FunctionEnvironment(Map.of("PLANNING_QUEUE_URL", env.queueUrl("PlanningQueue"))));
    Envelope execute =
        Envelope.create(
            MessageType.EXECUTE_PLAN,
            "plan-1",
            1,
            "user-1",
            new Payloads.ExecutePlan(false),
            Instant.parse("2026-01-05T10:00:00Z"));

    assertThatThrownBy(() -> bus.send(execute, new MessageOrigin("corr-1", null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no queue configured for EXECUTION");
  }
}

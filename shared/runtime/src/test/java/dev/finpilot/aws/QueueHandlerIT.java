package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * An agent function wired as every function is ({@link QueueHandler}: SDK clients, plan repository,
 * bus, batch processor), polled from the planning function's queue of the template: replies and
 * failure reports reach the workflow's queue, poison messages the dead-letter queue.
 */
@WithAwsBackend
class QueueHandlerIT {

  private final Environment env;

  QueueHandlerIT(Environment env) {
    this.env = env;
  }

  /** Answers every command with a generated plan, as the planning agent would. */
  static final class AnsweringAgent extends QueueHandler {
    AnsweringAgent(FunctionEnvironment env) {
      super(
          "answering",
          env,
          agent ->
              (command, trace) ->
                  agent
                      .bus()
                      .send(
                          Envelope.create(
                              MessageType.PLAN_GENERATED,
                              command.planId(),
                              command.planVersion(),
                              command.userId(),
                              new Payloads.PlanGenerated("balanced", 0.9, List.of()),
                              agent.clock().instant()),
                          trace.causedBy(command)));
    }
  }

  @BeforeEach
  void start() {
    env.startPoller(
        "PlanningFunction",
        new AnsweringAgent(new FunctionEnvironment(env.functionEnv("PlanningFunction"))));
  }

  @Test
  void aCommandIsAnsweredOnTheWorkflowsQueueWithinItsCorrelation() {
    String planId = UUID.randomUUID().toString();
    Envelope command = Commands.generatePlan(planId, Instant.now());

    env.queue("PlanningQueue")
        .send(Json.write(command), Map.of("correlationId", "corr-1", "planId", planId));

    Message reply = env.queue("WorkflowQueue").awaitMessages(1).get(0);
    Envelope answer = Json.read(reply.body(), Envelope.class);
    assertThat(answer.type()).isEqualTo(MessageType.PLAN_GENERATED);
    assertThat(answer.planId()).isEqualTo(planId);
    assertThat(reply.messageAttributes().get("correlationId").stringValue()).isEqualTo("corr-1");
    assertThat(reply.messageAttributes().get("causationId").stringValue())
        .isEqualTo(command.messageId());
  }

  @Test
  void aPoisonMessageIsParkedInTheDeadLetterQueueAndTheWorkflowIsTold() {
    String planId = UUID.randomUUID().toString();

    env.queue("PlanningQueue")
        .send(
            "{not json",
            Map.of(
                "correlationId",
                "corr-2",
                "planId",
                planId,
                "messageType",
                MessageType.GENERATE_PLAN.wireName()));

    Message parked = env.queue("PlanningDeadLetterQueue").awaitMessages(1).get(0);
    assertThat(parked.body()).isEqualTo("{not json");
    assertThat(parked.messageAttributes().get("failedBy").stringValue()).isEqualTo("answering");
    assertThat(parked.messageAttributes().get("correlationId").stringValue()).isEqualTo("corr-2");
    Envelope report =
        Json.read(env.queue("WorkflowQueue").awaitMessages(1).get(0).body(), Envelope.class);
    assertThat(report.type()).isEqualTo(MessageType.AGENT_FAILED);
    assertThat(report.planId()).isEqualTo(planId);
    assertThat(report.payloadAs(Payloads.AgentFailed.class).failedMessageType())
        .isEqualTo(MessageType.GENERATE_PLAN.wireName());
  }
}

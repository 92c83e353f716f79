package dev.finpilot.functions.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.aws.FunctionContext;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SqsBatchProcessor;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message that keeps failing: each failed delivery is reported for redelivery, and the last one
 * the redrive policy allows also tells the workflow, so the plan fails instead of hanging.
 */
@WithAwsBackend
class RetriesExhaustedIT {

  private final Environment env;

  RetriesExhaustedIT(Environment env) {
    this.env = env;
  }

  @Test
  void theLastAllowedDeliveryReportsAgentFailedToTheWorkflow() {
    FunctionEnvironment vars = new FunctionEnvironment(env.functionEnv("PlanningFunction"));
    SqsBatchProcessor processor =
        FunctionContext.create(vars)
            .processor(
                "planning",
                (envelope, trace) -> {
                  throw new IllegalStateException("projection service unavailable");
                });
    Envelope command =
        Envelope.create(
            MessageType.GENERATE_PLAN,
            "plan-9",
            1,
            "u9",
            new Payloads.GeneratePlan(1, List.of()),
            Instant.now());

    SQSBatchResponse early = processor.process(event(command, "4"));
    assertThat(early.getBatchItemFailures())
        .extracting(f -> f.getItemIdentifier())
        .containsExactly("m-1");
    assertThat(env.queue("WorkflowQueue").receive()).isEmpty();

    SQSBatchResponse last = processor.process(event(command, vars.require("MAX_RECEIVE_COUNT")));
    assertThat(last.getBatchItemFailures()).hasSize(1);
    Envelope report =
        Json.read(env.queue("WorkflowQueue").awaitMessages(1).get(0).body(), Envelope.class);
    assertThat(report.type()).isEqualTo(MessageType.AGENT_FAILED);
    Payloads.AgentFailed failed = report.payloadAs(Payloads.AgentFailed.class);
    assertThat(failed.agent()).isEqualTo("planning");
    assertThat(failed.failedMessageType()).isEqualTo("GeneratePlan");
    assertThat(failed.reason())
        .startsWith("it failed 5 times in a row; the details are logged under correlation id")
        .doesNotContain("IllegalStateException")
        .doesNotContain("projection service unavailable");
  }

  private static SQSEvent event(Envelope command, String receiveCount) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("m-1");
    message.setBody(Json.write(command));
    message.setAttributes(Map.of("ApproximateReceiveCount", receiveCount));
    message.setMessageAttributes(
        Map.of(
            "correlationId", attribute("corr-r"),
            "planId", attribute(command.planId()),
            "messageType", attribute("GeneratePlan")));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  private static SQSEvent.MessageAttribute attribute(String value) {
    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType("String");
    attribute.setStringValue(value);
    return attribute;
  }
}

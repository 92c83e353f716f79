package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.testkit.sqs.SqsEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** The batch processor's handling of each message's outcome, with fakes of SQS and the bus. */
class SqsBatchProcessorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static final String DLQ = "https://sqs.us-east-1.amazonaws.com/1/planning-dlq";

  private final DeadLetterQueue sqs = new DeadLetterQueue();
  private final List<Envelope> reported = new ArrayList<>();
  private final List<MessageOrigin> reportTraces = new ArrayList<>();
  private final Set<String> failingIds = new HashSet<>();
  private final List<String> handled = new ArrayList<>();
  private final List<String> setAside = new ArrayList<>();
  private boolean workflowUnreachable;

  private final MessageBus bus =
      (envelope, origin) -> {
        if (workflowUnreachable) {
          throw SdkClientException.create("workflow queue unreachable");
        }
        reported.add(envelope);
        reportTraces.add(origin);
      };

  private final SqsBatchProcessor processor =
      new SqsBatchProcessor(
          "planning",
          (envelope, origin) -> {
            handled.add(envelope.planId());
            if (failingIds.contains(envelope.planId())) {
              throw new IllegalStateException("boom for " + envelope.planId());
            }
          },
          sqs,
          bus,
          new FunctionEnvironment(Map.of("DEAD_LETTER_QUEUE_URL", DLQ, "MAX_RECEIVE_COUNT", "3")),
          Clock.fixed(NOW, ZoneOffset.UTC),
          (agent, cause) -> setAside.add(agent + " " + cause));

  @Test
  void onlyTheMessagesThatFailedAreReportedByMessageId() {
    failingIds.add("plan-2");

    SQSBatchResponse response =
        processor.process(
            event(command("m-1", "plan-1"), command("m-2", "plan-2"), command("m-3", "plan-3")));

    assertThat(failedIds(response)).containsExactly("m-2");
    assertThat(handled).containsExactly("plan-1", "plan-2", "plan-3");
    assertThat(reported).as("the workflow hears only when the retries are used up").isEmpty();
    assertThat(sqs.sent).isEmpty();
  }

  @Test
  void theLastAllowedDeliveryTellsTheWorkflowWhyThePlanFails() {
    failingIds.add("plan-1");

    SQSBatchResponse response = processor.process(event(delivery(command("m-1", "plan-1"), 3)));

    assertThat(failedIds(response)).containsExactly("m-1");
    Payloads.AgentFailed failed = onlyReport("plan-1");
    assertThat(failed.agent()).isEqualTo("planning");
    assertThat(failed.failedMessageType()).isEqualTo(MessageType.GENERATE_PLAN.wireName());
    assertThat(failed.reason())
        .as("words for the plan's owner: no exception name or message, where the details are")
        .isEqualTo(
            "it failed 3 times in a row; the details are logged under correlation id corr-m-1");
    assertThat(reportTraces.get(0)).isEqualTo(new MessageOrigin("corr-m-1", "m-1"));
  }

  @Test
  void messagesSetAsideAreCountedByAgentAndCauseAndNoOthers() {
    failingIds.add("plan-2");
    failingIds.add("plan-3");

    processor.process(
        event(
            message("m-1", "plan-1", "{not json", "corr-1"),
            delivery(command("m-2", "plan-2"), 3),
            delivery(command("m-3", "plan-3"), 2),
            command("m-4", "plan-4")));

    assertThat(setAside).containsExactly("planning POISON", "planning RETRIES_EXHAUSTED");
  }

  @Test
  void aPoisonMessageIsDeadLetteredWithItsTraceAndAcknowledged() {
    Message unreadable = message("m-1", "plan-1", "{not json", "corr-1");

    SQSBatchResponse response = processor.process(event(unreadable, command("m-2", "plan-2")));

    assertThat(failedIds(response)).isEmpty();
    assertThat(handled).containsExactly("plan-2");
    SendMessageRequest parked = sqs.sent.get(0);
    assertThat(sqs.sent).hasSize(1);
    assertThat(parked.queueUrl()).isEqualTo(DLQ);
    assertThat(parked.messageBody()).isEqualTo("{not json");
    assertThat(parked.messageAttributes().get("failedBy").stringValue()).isEqualTo("planning");
    assertThat(parked.messageAttributes().get("failureReason").stringValue())
        .startsWith("cannot read Envelope");
    assertThat(parked.messageAttributes().get("correlationId").stringValue()).isEqualTo("corr-1");
    assertThat(parked.messageAttributes().get("planId").stringValue()).isEqualTo("plan-1");
    assertThat(onlyReport("plan-1").reason())
        .isEqualTo(
            "its message could not be read and was set aside for an operator; the details are"
                + " logged under correlation id corr-1");
  }

  @Test
  void envelopesWithoutTheirTraceOrOfAnotherSchemaArePoison() {
    ObjectNode future = Json.mapper().valueToTree(Commands.generatePlan("plan-2", NOW));
    future.put("schemaVersion", Envelope.SCHEMA_VERSION + 1);

    SQSBatchResponse response =
        processor.process(
            event(
                message("m-1", "plan-1", Json.write(Commands.generatePlan("plan-1", NOW)), null),
                message("m-2", "plan-2", Json.write(future), "corr-2"),
                message("m-3", "plan-3", "{\"messageId\":\"x\"}", "corr-3")));

    assertThat(failedIds(response)).isEmpty();
    assertThat(handled).isEmpty();
    assertThat(sqs.sent)
        .extracting(r -> r.messageAttributes().get("failureReason").stringValue())
        .containsExactly(
            "message has no correlationId attribute",
            "unsupported schemaVersion " + (Envelope.SCHEMA_VERSION + 1),
            "envelope lacks messageId, type or planId");
    assertThat(reported).hasSize(3);
  }

  @Test
  void aDeadLetterQueueThatCannotBeReachedFailsOnlyThatMessage() {
    sqs.unreachable = true;

    SQSBatchResponse response =
        processor.process(
            event(
                message("m-1", "plan-1", "{not json", "corr-1"),
                command("m-2", "plan-2"),
                command("m-3", "plan-3")));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(handled).containsExactly("plan-2", "plan-3");
    assertThat(reported).as("the redelivery parks it and tells the workflow").isEmpty();
  }

  @Test
  void aPoisonMessageStillUnparkedOnItsLastDeliveryIsReportedToTheWorkflow() {
    sqs.unreachable = true;

    SQSBatchResponse response =
        processor.process(event(delivery(message("m-1", "plan-1", "{not json", "corr-1"), 3)));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(onlyReport("plan-1").reason())
        .isEqualTo(
            "it failed 3 times in a row; the details are logged under correlation id corr-1");
  }

  @Test
  void aWorkflowThatCannotBeToldLeavesThePoisonMessageForRedelivery() {
    workflowUnreachable = true;

    SQSBatchResponse response =
        processor.process(
            event(message("m-1", "plan-1", "{not json", "corr-1"), command("m-2", "plan-2")));

    assertThat(failedIds(response)).containsExactly("m-1");
    assertThat(sqs.sent).hasSize(1);
    assertThat(handled).containsExactly("plan-2");
  }

  @Test
  void aFailureReportThatFailsIsNotReportedAgain() {
    Message report =
        Message.builder()
            .messageId("m-1")
            .body("{not json")
            .messageAttributes(attributes("corr-1", "plan-1", MessageType.AGENT_FAILED.wireName()))
            .build();

    SQSBatchResponse response = processor.process(event(report));

    assertThat(failedIds(response)).isEmpty();
    assertThat(sqs.sent).hasSize(1);
    assertThat(reported).isEmpty();
  }

  private Payloads.AgentFailed onlyReport(String planId) {
    assertThat(reported).hasSize(1);
    Envelope report = reported.get(0);
    assertThat(report.type()).isEqualTo(MessageType.AGENT_FAILED);
    assertThat(report.planId()).isEqualTo(planId);
    return report.payloadAs(Payloads.AgentFailed.class);
  }

  /** A well-formed command for the plan, as the workflow sends it. */
  private static Message command(String messageId, String planId) {
    return message(
        messageId, planId, Json.write(Commands.generatePlan(planId, NOW)), "corr-" + messageId);
  }

  private static Message message(
      String messageId, String planId, String body, String correlationId) {
    return Message.builder()
        .messageId(messageId)
        .body(body)
        .messageAttributes(attributes(correlationId, planId, MessageType.GENERATE_PLAN.wireName()))
        .attributesWithStrings(Map.of("ApproximateReceiveCount", "1"))
        .build();
  }

  private static Message delivery(Message message, int receiveCount) {
    return message.toBuilder()
        .attributesWithStrings(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)))
        .build();
  }

  private static Map<String, MessageAttributeValue> attributes(
      String correlationId, String planId, String messageType) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    MessageAttributes.put(attributes, MessageAttributes.CORRELATION_ID, correlationId);
    MessageAttributes.put(attributes, MessageAttributes.PLAN_ID, planId);
    MessageAttributes.put(attributes, MessageAttributes.MESSAGE_TYPE, messageType);
    return attributes;
  }

  private static SQSEvent event(Message... messages) {
    return SqsEvents.toEvent(List.of(messages), "arn:aws:sqs:us-east-1:1:planning");
  }

  private static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .toList();
  }

  /** The one SQS call the processor makes itself: sending to the dead-letter queue. */
  private static final class DeadLetterQueue implements SqsClient {
    final List<SendMessageRequest> sent = new ArrayList<>();
    boolean unreachable;

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
      if (unreachable) {
        throw SdkClientException.create("dead-letter queue unreachable");
      }
      sent.add(request);
      return SendMessageResponse.builder().messageId("dlq-" + sent.size()).build();
    }

    @Override
    public String serviceName() {
      return SqsClient.SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}

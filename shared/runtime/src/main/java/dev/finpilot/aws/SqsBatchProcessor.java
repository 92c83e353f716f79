package dev.finpilot.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.messaging.PoisonMessageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Runs an agent over an SQS batch the way every FinPilot function does: one record at a time, with
 * the record's origin in the logging context, reporting partial batch failures.
 *
 * <ul>
 *   <li>A poison message (unreadable, or refused for good) goes to the dead-letter queue at once
 *       and is acknowledged, instead of cycling through every redelivery.
 *   <li>Any other failure is reported so SQS redelivers it; on the last allowed delivery the
 *       workflow is told first, so the plan ends FAILED with the reason while the message itself is
 *       redriven to the dead-letter queue.
 *   <li>A message whose failure cannot be handled (the dead-letter queue or the workflow's queue
 *       unreachable) is reported for redelivery too: one message never fails the whole batch.
 * </ul>
 */
public final class SqsBatchProcessor {

  /** The agent logic for one message. */
  @FunctionalInterface
  public interface RecordHandler {
    void handle(Envelope envelope, MessageOrigin origin);
  }

  private static final Logger LOG = LoggerFactory.getLogger(SqsBatchProcessor.class);
  private static final List<String> RECORD_KEYS =
      List.of("correlation_id", "agent", "plan_id", "message_type");

  private final String agent;
  private final RecordHandler handler;
  private final SqsClient sqs;
  private final MessageBus bus;
  private final String deadLetterQueueUrl;
  private final int maxReceiveCount;
  private final Clock clock;
  private final DeadLetterMetrics deadLetters;

  public SqsBatchProcessor(
      String agent,
      RecordHandler handler,
      SqsClient sqs,
      MessageBus bus,
      FunctionEnvironment env,
      Clock clock,
      DeadLetterMetrics deadLetters) {
    this.agent = agent;
    this.handler = handler;
    this.sqs = sqs;
    this.bus = bus;
    this.deadLetterQueueUrl = env.require("DEAD_LETTER_QUEUE_URL");
    this.maxReceiveCount = env.requireInt("MAX_RECEIVE_COUNT");
    this.clock = clock;
    this.deadLetters = deadLetters;
  }

  public SQSBatchResponse process(SQSEvent event) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      if (!processOne(message)) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** True when the message is done with (processed or parked), false to have it redelivered. */
  private boolean processOne(SQSEvent.SQSMessage message) {
    String correlationId =
        MessageAttributes.read(message, MessageAttributes.CORRELATION_ID).orElse(null);
    MDC.put("correlation_id", correlationId);
    MDC.put("agent", agent);
    MessageAttributes.read(message, MessageAttributes.PLAN_ID)
        .ifPresent(p -> MDC.put("plan_id", p));
    MessageAttributes.read(message, MessageAttributes.MESSAGE_TYPE)
        .ifPresent(t -> MDC.put("message_type", t));
    try {
      Envelope envelope = parse(message, correlationId);
      String causationId =
          MessageAttributes.read(message, MessageAttributes.CAUSATION_ID).orElse(null);
      handler.handle(envelope, new MessageOrigin(correlationId, causationId));
      LOG.info("processed {}", envelope.type().wireName());
      return true;
    } catch (PoisonMessageException e) {
      LOG.error("poison message {}: {}", message.getMessageId(), e.getMessage());
      return park(message, correlationId, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("delivery {} of {} failed", receiveCount(message), message.getMessageId(), e);
      return redeliver(message, correlationId);
    } finally {
      // Only our keys: the Lambda context fields Powertools put in the MDC stay for the batch.
      RECORD_KEYS.forEach(MDC::remove);
    }
  }

  private static Envelope parse(SQSEvent.SQSMessage message, String correlationId) {
    if (correlationId == null) {
      throw new PoisonMessageException("message has no correlationId attribute");
    }
    Envelope envelope = Json.read(message.getBody(), Envelope.class);
    if (envelope.messageId() == null || envelope.type() == null || envelope.planId() == null) {
      throw new PoisonMessageException("envelope lacks messageId, type or planId");
    }
    if (envelope.schemaVersion() != Envelope.SCHEMA_VERSION) {
      throw new PoisonMessageException("unsupported schemaVersion " + envelope.schemaVersion());
    }
    return envelope;
  }

  /**
   * Moves a poison message to the dead-letter queue (with the technical reason, for operators) and
   * tells the workflow; true when both are done. Otherwise the message is left for redelivery,
   * which tries both again.
   */
  private boolean park(SQSEvent.SQSMessage message, String correlationId, String reason) {
    try {
      deadLetter(message, reason);
    } catch (RuntimeException e) {
      LOG.warn("could not dead-letter poison message {}", message.getMessageId(), e);
      return redeliver(message, correlationId);
    }
    deadLetters.setAside(agent, DeadLetterMetrics.Cause.POISON);
    return reportFailure(
        message,
        correlationId,
        "its message could not be read and was set aside for an operator" + logged(correlationId));
  }

  /** Leaves the message to SQS's redelivery; on the last allowed one the workflow is told first. */
  private boolean redeliver(SQSEvent.SQSMessage message, String correlationId) {
    int receiveCount = receiveCount(message);
    if (receiveCount >= maxReceiveCount) {
      deadLetters.setAside(agent, DeadLetterMetrics.Cause.RETRIES_EXHAUSTED);
      reportFailure(
          message,
          correlationId,
          "it failed " + receiveCount + " times in a row" + logged(correlationId));
    }
    return false;
  }

  /**
   * Where the details are: the reason the workflow records is read by the plan's owner, so it names
   * no exception, stack or AWS request id; those are in the log lines of this correlation id.
   */
  private static String logged(String correlationId) {
    return correlationId == null
        ? ""
        : "; the details are logged under correlation id " + correlationId;
  }

  private void deadLetter(SQSEvent.SQSMessage message, String reason) {
    Map<String, MessageAttributeValue> attributes = MessageAttributes.copyOf(message);
    MessageAttributes.put(attributes, MessageAttributes.FAILURE_REASON, truncate(reason));
    MessageAttributes.put(attributes, MessageAttributes.FAILED_BY, agent);
    sqs.sendMessage(
        SendMessageRequest.builder()
            .queueUrl(deadLetterQueueUrl)
            .messageBody(message.getBody())
            .messageAttributes(attributes)
            .build());
  }

  /**
   * Tells the workflow that this plan's message will not be processed, so the plan can fail; false
   * when the report could not be sent.
   */
  private boolean reportFailure(SQSEvent.SQSMessage message, String correlationId, String reason) {
    String planId = MessageAttributes.read(message, MessageAttributes.PLAN_ID).orElse(null);
    String failedType =
        MessageAttributes.read(message, MessageAttributes.MESSAGE_TYPE).orElse("unknown");
    if (planId == null || MessageType.AGENT_FAILED.wireName().equals(failedType)) {
      // Without a plan there is nobody to tell; a failure report that fails must not loop.
      return true;
    }
    Envelope failure =
        Envelope.create(
            MessageType.AGENT_FAILED,
            planId,
            0,
            null,
            new Payloads.AgentFailed(agent, failedType, truncate(reason)),
            clock.instant());
    String correlation = correlationId == null ? MessageOrigin.newCorrelationId() : correlationId;
    try {
      bus.send(failure, new MessageOrigin(correlation, message.getMessageId()));
      return true;
    } catch (RuntimeException e) {
      LOG.error("could not report the failure of {} to the workflow", message.getMessageId(), e);
      return false;
    }
  }

  private static int receiveCount(SQSEvent.SQSMessage message) {
    Map<String, String> attributes = message.getAttributes();
    String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
    return count == null ? 1 : Integer.parseInt(count);
  }

  private static String truncate(String reason) {
    return reason.length() <= 500 ? reason : reason.substring(0, 500);
  }
}

package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.testkit.sqs.MappingStats;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import dev.finpilot.testkit.template.FunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The event-source emulation against the real backend. PlanningQueue has a one-second visibility
 * timeout and redrives to its DLQ after two receives; WorkflowFunction takes batches of five.
 */
@WithAwsBackend(template = "classpath:testkit/sample-template.yaml")
class SqsEventSourceMappingIT {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Environment env;
  private final List<SQSEvent.SQSMessage> seen = new CopyOnWriteArrayList<>();

  SqsEventSourceMappingIT(Environment env) {
    this.env = env;
  }

  @AfterEach
  void emptyQueues() {
    env.close();
    for (String queue : List.of("PlanningQueue", "PlanningDeadLetterQueue", "WorkflowQueue")) {
      env.sqs().purgeQueue(b -> b.queueUrl(env.queueUrl(queue)));
    }
  }

  private void send(String queue, String body) {
    env.sqs()
        .sendMessage(
            b ->
                b.queueUrl(env.queueUrl(queue))
                    .messageBody(body)
                    .messageAttributes(
                        Map.of(
                            "correlationId",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("corr-" + body)
                                .build())));
  }

  /** Records every record and reports those whose body starts with "poison" as failed. */
  private SQSBatchResponse failPoison(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage record : event.getRecords()) {
      seen.add(record);
      if (record.getBody().startsWith("poison")) {
        failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  private int visibleAndInFlight(String queue) {
    Map<QueueAttributeName, String> attributes =
        env.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(env.queueUrl(queue))
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void successfulBatchesAreDeletedAndRecordsLookLikeLambdas() {
    SqsEventSourceMapping mapping = env.startPoller("PlanningFunction", this::failPoison);
    send("PlanningQueue", "a");
    send("PlanningQueue", "b");

    await().atMost(PATIENCE).until(() -> mapping.stats().deleted() == 2);

    assertThat(mapping.awaitIdle(PATIENCE)).isTrue();
    assertThat(visibleAndInFlight("PlanningQueue")).isZero();
    assertThat(mapping.stats()).isEqualTo(new MappingStats(mapping.stats().batches(), 2, 2, 0, 0));
    SQSEvent.SQSMessage record = seen.get(0);
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(env.queueArn("PlanningQueue"));
    assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(record.getReceiptHandle()).isNotBlank();
    assertThat(record.getMd5OfBody()).hasSize(32);
    assertThat(record.getAttributes())
        .containsEntry("ApproximateReceiveCount", "1")
        .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp", "SenderId");
    SQSEvent.MessageAttribute correlation = record.getMessageAttributes().get("correlationId");
    assertThat(correlation.getDataType()).isEqualTo("String");
    assertThat(correlation.getStringValue()).isEqualTo("corr-" + record.getBody());
  }

  @Test
  void aReportedFailureComesBackAfterTheVisibilityTimeoutThenGoesToTheDeadLetterQueue() {
    SqsEventSourceMapping mapping = env.startPoller("PlanningFunction", this::failPoison);
    send("PlanningQueue", "ok");
    send("PlanningQueue", "poison");

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                seen.stream()
                    .anyMatch(
                        r ->
                            r.getBody().equals("poison")
                                && r.getAttributes().get("ApproximateReceiveCount").equals("2")));
    await().atMost(PATIENCE).until(() -> !receiveFromDeadLetterQueue().isEmpty());

    assertThat(seen).filteredOn(r -> r.getBody().equals("ok")).hasSize(1);
    assertThat(seen).filteredOn(r -> r.getBody().equals("poison")).hasSize(2);
    assertThat(mapping.stats().deleted()).isEqualTo(1);
    assertThat(mapping.stats().failed()).isEqualTo(2);
    assertThat(visibleAndInFlight("PlanningQueue")).isZero();
  }

  private List<Message> receiveFromDeadLetterQueue() {
    List<Message> messages =
        env.sqs()
            .receiveMessage(
                b -> b.queueUrl(env.queueUrl("PlanningDeadLetterQueue")).waitTimeSeconds(1))
            .messages();
    messages.forEach(m -> assertThat(m.body()).isEqualTo("poison"));
    return messages;
  }

  @Test
  void aThrowingHandlerDeletesNothingAndTheMessageIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    RequestHandler<SQSEvent, SQSBatchResponse> flaky =
        (event, context) -> {
          seen.addAll(event.getRecords());
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("first call fails");
          }
          return new SQSBatchResponse(List.of());
        };
    SqsEventSourceMapping mapping = env.startPoller("PlanningFunction", flaky);
    send("PlanningQueue", "retry-me");

    await().atMost(PATIENCE).until(() -> mapping.stats().deleted() == 1);

    assertThat(mapping.stats().handlerErrors()).isEqualTo(1);
    assertThat(mapping.stats().failed()).isEqualTo(1);
    assertThat(seen)
        .extracting(r -> r.getAttributes().get("ApproximateReceiveCount"))
        .containsExactly("1", "2");
  }

  @Test
  void batchesRespectTheTemplatesBatchSizeAndContext() {
    List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    List<String> functionNames = new CopyOnWriteArrayList<>();
    FunctionSpec workflow = env.function("WorkflowFunction");
    SqsEventSourceMapping mapping =
        env.startPoller(
            workflow,
            workflow.sqsEvent(),
            (event, context) -> {
              sizes.add(event.getRecords().size());
              functionNames.add(context.getFunctionName());
              assertThat(context.getRemainingTimeInMillis()).isPositive();
              assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
              return null;
            },
            2);
    for (int i = 0; i < 12; i++) {
      send("WorkflowQueue", "m" + i);
    }

    await().atMost(PATIENCE).until(() -> mapping.stats().deleted() == 12);

    assertThat(sizes).allMatch(size -> size >= 1 && size <= 5);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);
    assertThat(functionNames).containsOnly(workflow.functionName());
  }

  @Test
  void anInvocationOverItsTimeoutCountsAsAFailure() {
    FunctionSpec planning = env.function("PlanningFunction");
    FunctionSpec instant =
        new FunctionSpec(
            planning.logicalId(),
            planning.functionName(),
            planning.functionArn(),
            planning.handler(),
            Duration.ZERO,
            planning.memorySizeMb(),
            planning.environment(),
            planning.sqsEvents());
    SqsEventSourceMapping mapping =
        SqsEventSourceMapping.builder(env.sqs(), instant, instant.sqsEvent(), this::failPoison)
            .build()
            .start();
    try {
      send("PlanningQueue", "slow");
      await().atMost(PATIENCE).until(() -> mapping.stats().handlerErrors() >= 1);
      assertThat(mapping.stats().deleted()).isZero();
    } finally {
      mapping.close();
    }
  }
}

package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every queue consumer has its own queue, every queue dead-letters after five receives into its own
 * DLQ, every DLQ raises an alarm, and SQS visibility outlasts the consumer's retries of a batch.
 */
class QueueWiringTest {

  private static final int FOURTEEN_DAYS_SECONDS = 14 * 24 * 3600;

  private final SamTemplate template = Project.template();

  @Test
  void everyQueueConsumerHasItsOwnQueue() {
    List<String> queues = new ArrayList<>();
    for (Contract.Function f : Contract.queueConsumers()) {
      assertThat(template.events(f.logicalId(), "SQS")).as(f.logicalId()).hasSize(1);
      String queue = template.triggerQueue(f.logicalId()).orElseThrow();
      assertThat(queue).as(f.logicalId()).isEqualTo(f.queue().orElseThrow());
      assertThat(template.type(queue)).isEqualTo(SamTemplate.QUEUE);
      queues.add(queue);
    }
    assertThat(queues).doesNotHaveDuplicates();
    assertThat(template.events("ApiFunction", "SQS")).isEmpty();
  }

  @Test
  void sqsEventsReportPartialBatchFailuresWithBoundedBatchesAndConcurrency() {
    for (Contract.Function f : Contract.queueConsumers()) {
      Map<String, Object> event = template.events(f.logicalId(), "SQS").values().iterator().next();
      assertThat(Nodes.list(event.get("FunctionResponseTypes")))
          .as(f.logicalId())
          .containsExactly("ReportBatchItemFailures");
      assertThat(Nodes.integer(event.get("BatchSize"))).as(f.logicalId()).isBetween(1, 10);
      Object maximumConcurrency =
          Nodes.at(event, "ScalingConfig", "MaximumConcurrency").orElseThrow();
      for (Object perStage : template.findInMapValues(maximumConcurrency)) {
        assertThat(Nodes.integer(perStage)).as(f.logicalId()).isBetween(2, 1000);
      }
    }
  }

  @Test
  void everyQueueRedrivesToItsOwnDeadLetterQueueAfterFiveReceives() {
    for (Contract.Function f : Contract.queueConsumers()) {
      String queue = f.queue().orElseThrow();
      String dlq = f.deadLetterQueue().orElseThrow();
      assertThat(template.deadLetterQueue(queue)).as(queue).contains(dlq);
      assertThat(
              Nodes.at(template.properties(queue), "RedrivePolicy", "deadLetterTargetArn")
                  .filter(arn -> References.isGetAtt(arn, dlq, "Arn")))
          .as(queue)
          .isPresent();
      assertThat(
              Nodes.integer(
                  Nodes.at(template.properties(queue), "RedrivePolicy", "maxReceiveCount")
                      .orElseThrow()))
          .as(queue)
          .isEqualTo(Contract.MAX_RECEIVE_COUNT);

      Map<String, Object> dlqProperties = template.properties(dlq);
      assertThat(template.type(dlq)).isEqualTo(SamTemplate.QUEUE);
      assertThat(dlqProperties).as(dlq).doesNotContainKey("RedrivePolicy");
      assertThat(Nodes.integer(dlqProperties.get("MessageRetentionPeriod")))
          .as(dlq)
          .isEqualTo(FOURTEEN_DAYS_SECONDS);
    }
  }

  @Test
  void deadLetterQueuesKeepMessagesLongerThanTheirSourceQueues() {
    // A dead-lettered message keeps its original enqueue time, so the DLQ must outlive the source.
    for (Contract.Function f : Contract.queueConsumers()) {
      int source =
          Nodes.integer(template.properties(f.queue().orElseThrow()).get("MessageRetentionPeriod"));
      int dlq =
          Nodes.integer(
              template.properties(f.deadLetterQueue().orElseThrow()).get("MessageRetentionPeriod"));
      assertThat(dlq).as(f.logicalId()).isGreaterThan(source);
    }
  }

  @Test
  void everyQueueIsEncryptedAtRest() {
    for (String queue : template.logicalIds(SamTemplate.QUEUE)) {
      assertThat(template.properties(queue).get("SqsManagedSseEnabled"))
          .as(queue)
          .isEqualTo("true");
    }
  }

  @Test
  void visibilityTimeoutIsAtLeastSixTimesTheConsumerTimeout() {
    for (Contract.Function f : Contract.queueConsumers()) {
      int timeout = template.functionTimeout(f.logicalId());
      int visibility = template.visibilityTimeout(f.queue().orElseThrow());
      assertThat(visibility)
          .as("%s visibility vs %s timeout %ds", f.queue().orElseThrow(), f.logicalId(), timeout)
          .isGreaterThanOrEqualTo(6 * timeout);
    }
  }

  @Test
  void functionsKnowTheirDeadLetterQueueAndTheReceiveLimit() {
    for (Contract.Function f : Contract.queueConsumers()) {
      Map<String, Object> env = template.environment(f.logicalId());
      assertThat(
              References.isRef(env.get("DEAD_LETTER_QUEUE_URL"), f.deadLetterQueue().orElseThrow()))
          .as("%s DEAD_LETTER_QUEUE_URL = %s", f.logicalId(), env.get("DEAD_LETTER_QUEUE_URL"))
          .isTrue();
      assertThat(env.get("MAX_RECEIVE_COUNT"))
          .as(f.logicalId())
          .isEqualTo(String.valueOf(Contract.MAX_RECEIVE_COUNT));
    }
  }

  @Test
  void everyDeadLetterQueueHasAnAlarmThatFiresOnTheFirstMessage() {
    for (Contract.Function f : Contract.queueConsumers()) {
      String dlq = f.deadLetterQueue().orElseThrow();
      List<Map<String, Object>> alarms = Alarms.on(template, "AWS/SQS", "QueueName", dlq);
      assertThat(alarms)
          .as("alarm on %s", dlq)
          .anySatisfy(
              alarm -> {
                assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(alarm.get("ComparisonOperator")).isEqualTo("GreaterThanThreshold");
                assertThat(Nodes.integer(alarm.get("Threshold"))).isZero();
                assertThat(alarm.get("TreatMissingData")).isEqualTo("notBreaching");
                Alarms.assertNotifiesTopic(alarm);
              });
    }
  }

  @Test
  void everyQueueHasAnAgeOfOldestMessageAlarm() {
    for (Contract.Function f : Contract.queueConsumers()) {
      String queue = f.queue().orElseThrow();
      assertThat(Alarms.on(template, "AWS/SQS", "QueueName", queue))
          .as("age alarm on %s", queue)
          .anySatisfy(
              alarm -> {
                assertThat(alarm.get("MetricName")).isEqualTo("ApproximateAgeOfOldestMessage");
                Alarms.assertNotifiesTopic(alarm);
              });
    }
  }

  @Test
  void everyFunctionHasAnErrorAlarm() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      assertThat(Alarms.on(template, "AWS/Lambda", "FunctionName", f.logicalId()))
          .as("error alarm on %s", f.logicalId())
          .anySatisfy(
              alarm -> {
                assertThat(alarm.get("MetricName")).isEqualTo("Errors");
                Alarms.assertNotifiesTopic(alarm);
              });
    }
  }
}

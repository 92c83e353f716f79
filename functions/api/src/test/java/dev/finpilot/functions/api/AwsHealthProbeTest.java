package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class AwsHealthProbeTest {
  static final String WORKFLOW = "http://sqs.local/000000000000/workflow";
  static final String WORKFLOW_DLQ = "http://sqs.local/000000000000/workflow-dlq";
  static final String PLANNING = "http://sqs.local/000000000000/planning";

  /** Tables that exist; every other name is not found. */
  static final class Tables implements DynamoDbClient {
    final Set<String> existing = new HashSet<>();
    final List<String> described = new ArrayList<>();

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
      described.add(request.tableName());
      if (!existing.contains(request.tableName())) {
        throw ResourceNotFoundException.builder().message("no table").build();
      }
      return DescribeTableResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  /** Queue depths by URL; an unknown URL does not answer. */
  static final class Queues implements SqsClient {
    final Map<String, Map<QueueAttributeName, String>> depths = new HashMap<>();

    @Override
    public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
      Map<QueueAttributeName, String> attributes = depths.get(request.queueUrl());
      if (attributes == null) {
        throw SdkClientException.create("connection refused");
      }
      return GetQueueAttributesResponse.builder().attributes(attributes).build();
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {}
  }

  final Tables tables = new Tables();
  final Queues queues = new Queues();

  static Map<QueueAttributeName, String> depth(long visible, long inFlight) {
    return Map.of(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, Long.toString(visible),
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, Long.toString(inFlight));
  }

  AwsHealthProbe probe(Map<String, String> env) {
    return new AwsHealthProbe(tables, queues, new FunctionEnvironment(env));
  }

  static Map<String, String> env() {
    return Map.of(
        "PLANS_TABLE",
        "plans",
        "LEDGER_TABLE",
        "ledger",
        "WORKFLOW_QUEUE_URL",
        WORKFLOW,
        "WORKFLOW_DEAD_LETTER_QUEUE_URL",
        WORKFLOW_DLQ,
        "PLANNING_QUEUE_URL",
        PLANNING,
        "RETRIEVAL_QUEUE_URL",
        " ");
  }

  @Test
  void everyConfiguredTableAndQueueIsAskedAndReported() {
    tables.existing.addAll(List.of("plans", "ledger"));
    queues.depths.put(WORKFLOW, depth(3, 1));
    queues.depths.put(WORKFLOW_DLQ, depth(2, 0));
    queues.depths.put(PLANNING, depth(0, 4));

    HealthReport report = probe(env()).check();

    assertThat(report.healthy()).isTrue();
    assertThat(tables.described).containsExactly("plans", "ledger");
    assertThat(report.dynamodb()).isEqualTo(Status.OK);
    assertThat(report.queues())
        .containsOnlyKeys("workflow", "planning")
        .containsEntry("workflow", new QueueHealth(Status.OK, 3L, 1L, 2L))
        .containsEntry("planning", new QueueHealth(Status.OK, 0L, 4L, null));
  }

  @Test
  void aMissingTableMakesDynamoDbAnError() {
    tables.existing.add("plans");
    queues.depths.put(WORKFLOW, depth(0, 0));
    queues.depths.put(WORKFLOW_DLQ, depth(0, 0));
    queues.depths.put(PLANNING, depth(0, 0));

    HealthReport report = probe(env()).check();

    assertThat(report.dynamodb()).isEqualTo(Status.ERROR);
    assertThat(report.healthy()).isFalse();
  }

  @Test
  void aQueueThatDoesNotAnswerIsAnErrorWhileOthersAreStillReported() {
    tables.existing.addAll(List.of("plans", "ledger"));
    queues.depths.put(WORKFLOW, depth(5, 0));
    queues.depths.put(PLANNING, depth(0, 0));

    HealthReport report = probe(env()).check();

    assertThat(report.queues().get("workflow")).isEqualTo(QueueHealth.error());
    assertThat(report.queues().get("planning").status()).isEqualTo(Status.OK);
    assertThat(report.healthy()).isFalse();
  }

  @Test
  void aQueueAnswerWithoutItsCountsIsAnError() {
    tables.existing.add("plans");
    queues.depths.put(WORKFLOW, Map.of());

    HealthReport report =
        probe(Map.of("PLANS_TABLE", "plans", "WORKFLOW_QUEUE_URL", WORKFLOW)).check();

    assertThat(report.queues().get("workflow").status()).isEqualTo(Status.ERROR);
  }

  @Test
  void withoutAnyTableConfiguredDynamoDbCannotBeHealthy() {
    assertThat(probe(Map.of()).check().dynamodb()).isEqualTo(Status.ERROR);
  }

  @Test
  void theDeadLetterVariablesFollowTheQueueNames() {
    assertThat(AwsHealthProbe.deadLetterUrlVariable(dev.finpilot.messaging.Destination.PLANNING))
        .isEqualTo("PLANNING_DEAD_LETTER_QUEUE_URL");
    assertThat(AwsHealthProbe.queueUrlVariable(dev.finpilot.messaging.Destination.PLANNING))
        .isEqualTo("PLANNING_QUEUE_URL");
  }
}

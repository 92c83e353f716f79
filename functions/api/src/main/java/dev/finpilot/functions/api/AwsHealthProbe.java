package dev.finpilot.functions.api;

import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.functions.api.HealthReport.QueueHealth;
import dev.finpilot.functions.api.HealthReport.Status;
import dev.finpilot.messaging.Destination;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Asks DynamoDB and SQS directly: {@code DescribeTable} for every configured table and {@code
 * GetQueueAttributes} for every configured queue and its dead-letter queue. Each call is bounded so
 * that a dependency that hangs is reported as down instead of hanging the health check.
 */
final class AwsHealthProbe implements HealthProbe {

  static final List<String> TABLE_VARIABLES =
      List.of(
          "PLANS_TABLE",
          "MARKET_DATA_TABLE",
          "LEDGER_TABLE",
          "IDEMPOTENCY_TABLE",
          "USERS_TABLE",
          "RATE_LIMIT_TABLE");

  private static final Logger LOG = LoggerFactory.getLogger(AwsHealthProbe.class);
  private static final AwsRequestOverrideConfiguration BOUNDED =
      AwsRequestOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(2)).build();

  private final DynamoDbClient dynamo;
  private final SqsClient sqs;
  private final List<String> tables;
  private final Map<String, QueueUrls> queues;

  AwsHealthProbe(DynamoDbClient dynamo, SqsClient sqs, FunctionEnvironment env) {
    this.dynamo = dynamo;
    this.sqs = sqs;
    this.tables = new ArrayList<>();
    for (String variable : TABLE_VARIABLES) {
      configured(env, variable).ifPresent(tables::add);
    }
    this.queues = new LinkedHashMap<>();
    for (Destination d : Destination.values()) {
      configured(env, queueUrlVariable(d))
          .ifPresent(
              url ->
                  queues.put(
                      d.name().toLowerCase(Locale.ROOT),
                      new QueueUrls(url, configured(env, deadLetterUrlVariable(d)).orElse(null))));
    }
  }

  /** {@code WORKFLOW_QUEUE_URL}, ... as in the runtime contract. */
  static String queueUrlVariable(Destination d) {
    return d.name() + "_QUEUE_URL";
  }

  /** {@code WORKFLOW_DEAD_LETTER_QUEUE_URL}, ...: the DLQ of each agent's queue. */
  static String deadLetterUrlVariable(Destination d) {
    return d.name() + "_DEAD_LETTER_QUEUE_URL";
  }

  @Override
  public HealthReport check() {
    Status dynamodb = tables.isEmpty() ? Status.ERROR : Status.OK;
    for (String table : tables) {
      if (!answers("table " + table, () -> describeTable(table))) {
        dynamodb = Status.ERROR;
      }
    }
    Map<String, QueueHealth> report = new LinkedHashMap<>();
    queues.forEach((name, urls) -> report.put(name, check(name, urls)));
    return new HealthReport(dynamodb, report);
  }

  private void describeTable(String table) {
    dynamo.describeTable(r -> r.tableName(table).overrideConfiguration(BOUNDED));
  }

  private QueueHealth check(String name, QueueUrls urls) {
    try {
      Map<QueueAttributeName, String> main =
          attributes(
              urls.queue(),
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
      Long deadLetters =
          urls.deadLetterQueue() == null
              ? null
              : count(
                  attributes(
                      urls.deadLetterQueue(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                  QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
      return new QueueHealth(
          Status.OK,
          count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
          count(main, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
          deadLetters);
    } catch (SdkException | NumberFormatException e) {
      LOG.warn("health: queue {} did not answer: {}", name, e.toString());
      return QueueHealth.error();
    }
  }

  private Map<QueueAttributeName, String> attributes(String url, QueueAttributeName... names) {
    return sqs.getQueueAttributes(
            r -> r.queueUrl(url).attributeNames(names).overrideConfiguration(BOUNDED))
        .attributes();
  }

  private static Long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
    String value = attributes.get(name);
    if (value == null) {
      throw new NumberFormatException("missing " + name);
    }
    return Long.valueOf(value);
  }

  private static boolean answers(String what, Runnable call) {
    try {
      call.run();
      return true;
    } catch (SdkException e) {
      LOG.warn("health: {} did not answer: {}", what, e.toString());
      return false;
    }
  }

  private static Optional<String> configured(FunctionEnvironment env, String variable) {
    return Optional.ofNullable(env.variables().get(variable)).filter(v -> !v.isBlank());
  }

  private record QueueUrls(String queue, String deadLetterQueue) {}
}

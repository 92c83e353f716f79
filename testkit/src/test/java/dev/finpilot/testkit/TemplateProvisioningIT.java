package dev.finpilot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SqsEventSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@WithAwsBackend(template = "classpath:testkit/sample-template.yaml")
class TemplateProvisioningIT {

  private final Environment env;

  TemplateProvisioningIT(Environment env) {
    this.env = env;
  }

  @Test
  void tablesHaveKeysIndexesAndTimeToLive() {
    String plans = env.tableName("PlansTable");
    assertThat(plans).isEqualTo(env.stackName() + "-PlansTable");
    TableDescription table = env.dynamoDb().describeTable(b -> b.tableName(plans)).table();
    assertThat(table.keySchema())
        .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("pk:HASH", "sk:RANGE");
    GlobalSecondaryIndexDescription byUser = table.globalSecondaryIndexes().get(0);
    assertThat(byUser.indexName()).isEqualTo("ByUser");
    assertThat(byUser.keySchema())
        .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
        .containsExactly("gsi1pk:HASH", "gsi1sk:RANGE");
    assertThat(byUser.projection().projectionTypeAsString()).isEqualTo("ALL");
    assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    var ttl = env.dynamoDb().describeTimeToLive(b -> b.tableName(plans)).timeToLiveDescription();
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(env.tableName("LedgerTable")).isEqualTo(env.stackName() + "-ledger-dev");
  }

  @Test
  void queuesRedriveToTheirDeadLetterQueues() throws Exception {
    Map<QueueAttributeName, String> planning =
        env.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(env.queueUrl("PlanningQueue"))
                        .attributeNames(QueueAttributeName.ALL))
            .attributes();
    assertThat(planning).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "1");
    JsonNode redrive = new ObjectMapper().readTree(planning.get(QueueAttributeName.REDRIVE_POLICY));
    assertThat(redrive.get("deadLetterTargetArn").asText())
        .isEqualTo(env.queueArn("PlanningDeadLetterQueue"));
    assertThat(redrive.get("maxReceiveCount").asInt()).isEqualTo(2);
    Map<QueueAttributeName, String> workflow =
        env.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(env.queueUrl("WorkflowQueue"))
                        .attributeNames(QueueAttributeName.ALL))
            .attributes();
    assertThat(workflow)
        .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120")
        .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "345600");
    assertThat(env.queueArn("WorkflowQueue")).endsWith(":" + env.stackName() + "-WorkflowQueue");
  }

  @Test
  void conditionalResourcesFollowTheirCondition() {
    assertThatThrownBy(() -> env.queueUrl("ProdOnlyQueue"))
        .hasMessageContaining("No AWS::SQS::Queue 'ProdOnlyQueue'");
  }

  @Test
  void secretsHoldDevelopmentValues() {
    String apiKey =
        env.secretsManager()
            .getSecretValue(b -> b.secretId(env.secretArn("MarketDataApiKeySecret")))
            .secretString();
    assertThat(apiKey).matches("[A-Za-z0-9]{40}");
    String jwt =
        env.secretsManager()
            .getSecretValue(b -> b.secretId(env.secretArn("JwtSigningKeySecret")))
            .secretString();
    assertThat(jwt).startsWith("{\"kid\": \"dev\",\"key\":\"").doesNotContain("@");
    String stage =
        env.secretsManager()
            .getSecretValue(b -> b.secretId(env.stackName() + "/stage"))
            .secretString();
    assertThat(stage).isEqualTo("{\"stage\":\"dev\"}");
  }

  @Test
  void functionEnvironmentsMergeGlobalsAndResolveToPhysicalResources() {
    Map<String, String> workflow = env.functionEnv("WorkflowFunction");
    assertThat(workflow)
        .containsEntry("PLANS_TABLE", env.tableName("PlansTable"))
        .containsEntry("WORKFLOW_QUEUE_URL", env.queueUrl("WorkflowQueue"))
        .containsEntry("DEAD_LETTER_QUEUE_URL", env.queueUrl("WorkflowDeadLetterQueue"))
        .containsEntry("WORKFLOW_QUEUE_NAME", env.stackName() + "-WorkflowQueue")
        .containsEntry("WORKFLOW_QUEUE_ARN", env.queueArn("WorkflowQueue"))
        .containsEntry("JWT_SECRET_ARN", env.secretArn("JwtSigningKeySecret"))
        .containsEntry("STAGE_TABLE", "dev:" + env.tableName("PlansTable"))
        .containsEntry("DEV_OR_STAGING", "true")
        .containsEntry("DEBUG_ENDPOINTS", "on")
        .containsEntry("STACK", env.stackName())
        .containsEntry("MAX_RECEIVE_COUNT", "5")
        .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO")
        .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "FinPilot")
        .containsEntry("POWERTOOLS_SERVICE_NAME", "workflow")
        .doesNotContainKey("PROD_ONLY");
    assertThat(workflow.get("WEBSOCKET_ENDPOINT"))
        .as("a WebSocket API is not hosted by the emulator but its id resolves")
        .matches("https://[0-9a-f]{10}\\.execute-api\\.[a-z0-9-]+\\.amazonaws\\.com/dev");
    Map<String, String> planning = env.functionEnv("PlanningFunction");
    assertThat(planning)
        .containsEntry("MAX_RECEIVE_COUNT", "2")
        .containsEntry("PLANNING_QUEUE_URL", env.queueUrl("PlanningQueue"))
        .containsEntry("LEDGER_TABLE", env.tableName("LedgerTable"));
    Map<String, String> api = env.functionEnv("ApiFunction");
    assertThat(api)
        .containsEntry("WORKFLOW_FUNCTION_ARN", env.function("WorkflowFunction").functionArn())
        .containsEntry("TABLES", env.tableName("PlansTable") + "," + env.tableName("LedgerTable"))
        .containsEntry("FIRST_ORIGIN", "https://app.example.com")
        .containsEntry("LOG_SUFFIX", "api")
        .containsEntry("MARKET_DATA_SECRET_ARN", env.secretArn("MarketDataApiKeySecret"));
  }

  @Test
  void functionSettingsAndSqsTriggersComeFromTheTemplate() {
    FunctionSpec workflow = env.function("WorkflowFunction");
    assertThat(workflow.handler())
        .isEqualTo("dev.finpilot.functions.workflow.WorkflowHandler::handleRequest");
    assertThat(workflow.timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(workflow.memorySizeMb()).isEqualTo(1024);
    assertThat(workflow.functionName()).isEqualTo(env.stackName() + "-WorkflowFunction");
    SqsEventSource trigger = workflow.sqsEvent();
    assertThat(trigger.eventName()).isEqualTo("WorkflowMessages");
    assertThat(trigger.queueLogicalId()).isEqualTo("WorkflowQueue");
    assertThat(trigger.queueUrl()).isEqualTo(env.queueUrl("WorkflowQueue"));
    assertThat(trigger.batchSize()).isEqualTo(5);
    assertThat(trigger.reportBatchItemFailures()).isTrue();
    assertThat(trigger.maximumConcurrency()).isEqualTo(2);
    assertThat(trigger.maximumBatchingWindow()).isZero();
    assertThat(trigger.enabled()).isTrue();

    FunctionSpec planning = env.function("PlanningFunction");
    assertThat(planning.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(planning.memorySizeMb()).isEqualTo(2048);
    assertThat(planning.sqsEvent("PlanningMessages").batchSize()).isEqualTo(10);

    assertThat(env.function("ApiFunction").sqsEvents()).isEmpty();
    assertThatThrownBy(() -> env.function("ApiFunction").sqsEvent())
        .hasMessageContaining("ApiFunction has 0 SQS events");
    assertThatThrownBy(() -> env.function("Nope"))
        .hasMessageContaining("No AWS::Serverless::Function 'Nope'");
    assertThat(env.functions())
        .containsOnlyKeys("WorkflowFunction", "PlanningFunction", "ApiFunction");
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterEnvironmentWithoutAReset(Environment nested) {
      assertThat(nested).isSameAs(env);
      assertThat(
              env.sqs()
                  .getQueueUrl(b -> b.queueName(env.stackName() + "-WorkflowQueue"))
                  .queueUrl())
          .isEqualTo(env.queueUrl("WorkflowQueue"));
    }
  }
}

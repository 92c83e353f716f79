package dev.finpilot.aws;

import dev.finpilot.messaging.MessageBus;
import dev.finpilot.plans.PlanRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the functions that work on plans are wired from (the queue-driven ones and the API): their
 * environment, the SDK clients, the plan repository and the message bus. Built once per execution
 * environment (before a SnapStart snapshot), shared by all invocations.
 */
public record FunctionContext(
    FunctionEnvironment env,
    DynamoDbClient dynamo,
    SqsClient sqs,
    PlanRepository plans,
    MessageBus bus,
    Clock clock) {

  public static FunctionContext create(FunctionEnvironment env) {
    DynamoDbClient dynamo = AwsClients.dynamoDb();
    SqsClient sqs = AwsClients.sqs();
    return new FunctionContext(
        env,
        dynamo,
        sqs,
        new DynamoPlanRepository(dynamo, env.plansTable()),
        SqsMessageBus.fromEnvironment(sqs, env),
        Clock.systemUTC());
  }

  public SqsBatchProcessor processor(String agent, SqsBatchProcessor.RecordHandler handler) {
    return new SqsBatchProcessor(agent, handler, sqs, bus, env, clock, EmfPlanMetrics.powertools());
  }
}

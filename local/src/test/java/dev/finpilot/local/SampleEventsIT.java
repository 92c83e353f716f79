package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.functions.api.accounts.DynamoUserStore;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.LocalContext;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.TemplateLocator;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The files in events/ are real inputs: each one, handed to its function as Lambda would (and as
 * {@code sam local invoke -e} does), is processed without failure and answered as the contract
 * says.
 */
@WithAwsBackend
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleEventsIT {

  private static final String PLAN_ID = "3f6c1d2e-8a4b-4c9d-9e7f-1a2b3c4d5e6f";
  private static final String USER = "user-123";
  private static final String CORRELATION_ID = "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b";

  private final Environment env;
  private DynamoPlanRepository plans;

  SampleEventsIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void seedTheAccountAndThePlanTheEventsReferTo() {
    // Plan creation reads its caller's account; an existing one is left as it is.
    new DynamoUserStore(env.dynamoDb(), env.tableName("UsersTable"))
        .create(
            new User(USER, USER + "@example.com", "Sample User", "no usable hash", Instant.now()));
    plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
    plans.create(
        PlanRecord.received(
            PLAN_ID, USER, FinancialStateFixtures.request(), CORRELATION_ID, Instant.now()));
  }

  @Test
  @Order(1)
  void theWorkflowEventAdvancesThePlan() {
    PlanRecord plan = plans.find(PLAN_ID).orElseThrow();
    Instant now = Instant.now();
    plans.apply(
        Transition.of(
            PlanChange.of(plan, PlanStatus.RETRIEVING, null),
            new Transition.Cause(MessageType.PLAN_SUBMITTED, "seed", CORRELATION_ID),
            now));

    SQSBatchResponse response =
        sqsHandler("WorkflowFunction", "workflow/market-data-retrieved.json");

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(plans.find(PLAN_ID).orElseThrow().status()).isEqualTo(PlanStatus.PLANNING);
    assertThat(env.queue("PlanningQueue").awaitMessages(1)).hasSize(1);
  }

  /** In pipeline order: planning writes the version that verification and execution read. */
  @ParameterizedTest
  @Order(2)
  @CsvSource({
    "RetrievalFunction, retrieval/retrieve-market-data.json, MarketDataRetrieved",
    "PlanningFunction, planning/generate-plan.json, PlanGenerated",
    "VerificationFunction, verification/verify-plan.json, PlanVerified",
    "ExecutionFunction, execution/execute-plan.json, PlanExecuted"
  })
  void eachAgentEventIsProcessedAndAnswered(String function, String file, String replyType) {
    SQSBatchResponse response = sqsHandler(function, file);

    assertThat(response.getBatchItemFailures()).isEmpty();
    Message reply = env.queue("WorkflowQueue").awaitMessages(1).get(0);
    assertThat(Json.read(reply.body(), Envelope.class).type().wireName()).isEqualTo(replyType);
    assertThat(reply.messageAttributes().get("correlationId").stringValue())
        .isEqualTo(CORRELATION_ID);
  }

  @ParameterizedTest
  @Order(3)
  @CsvSource({
    "api/create-plan.json, 202",
    "api/get-plan.json, 200",
    "api/health.json, 200",
    "api/create-plan-unauthenticated.json, 401"
  })
  void eachApiEventGetsItsDocumentedStatus(String file, int status) {
    APIGatewayV2HTTPEvent event =
        EventLoader.loadApiGatewayHttpEvent(events().resolve(file).toString());
    APIGatewayV2HTTPResponse response =
        this.<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>handler("ApiFunction")
            .handleRequest(event, LocalContext.forInvocation(env.function("ApiFunction")));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
  }

  private SQSBatchResponse sqsHandler(String function, String file) {
    SQSEvent event = EventLoader.loadSQSEvent(events().resolve(file).toString());
    return this.<SQSEvent, SQSBatchResponse>handler(function)
        .handleRequest(event, LocalContext.forInvocation(env.function(function)));
  }

  private static Path events() {
    return TemplateLocator.locate().resolveSibling("events");
  }

  @SuppressWarnings("unchecked")
  private <I, O> RequestHandler<I, O> handler(String function) {
    FunctionSpec spec = env.function(function);
    try {
      return (RequestHandler<I, O>)
          Class.forName(spec.handler().split("::")[0])
              .getConstructor(FunctionEnvironment.class)
              .newInstance(new FunctionEnvironment(spec.environment()));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          function, e instanceof InvocationTargetException i ? i.getCause() : e);
    }
  }
}

package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finpilot.aws.FunctionEnvironment;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The orchestration API behind API Gateway (HTTP API, payload 2.0): Micronaut routes each event to
 * the controllers of this package.
 *
 * <p>Every constructor ends in one Micronaut context holding the {@link ApiBackend}. The context is
 * built and its singletons created eagerly in the constructor, that is in Lambda's INIT phase, so a
 * SnapStart snapshot already contains them.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {

  /** Lambda's entry point: configuration from the process environment. */
  public ApiHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  /** The real DynamoDB and SQS adapters, configured by {@code env} (tests, local runner). */
  public ApiHandler(FunctionEnvironment env) {
    this(ApiBackend.fromEnvironment(env));
  }

  /** Any ports, for example in-memory fakes in unit tests. */
  public ApiHandler(ApiBackend backend) {
    super(context(backend));
  }

  private static ApplicationContext context(ApiBackend backend) {
    return new LambdaApplicationContextBuilder()
        .packages(ApiHandler.class.getPackageName())
        .singletons(backend)
        .deduceEnvironment(false)
        .build();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> super.handleRequest(event, context));
  }
}

package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The orchestration API behind API Gateway (HTTP API, payload 2.0): Micronaut routes each event to
 * the controllers of this package.
 *
 * <p>Every constructor ends in one Micronaut context holding the {@link ApiBackend}. The context is
 * built and its singletons created eagerly in the constructor, that is in Lambda's INIT phase, so a
 * SnapStart snapshot already contains them; before the snapshot a {@code GET /health} goes through
 * the whole stack (routing, the health probe's reads, the JSON answer) so that it holds what a
 * first request loads too.
 */
public class ApiHandler extends APIGatewayV2HTTPEventFunction {

  // Held for as long as the handler lives: the CRaC context holds its resources weakly.
  @SuppressWarnings("unused")
  private final Priming priming;

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
    this.priming = Priming.register("api", List.of(this::healthCheck));
  }

  /**
   * {@code GET /health} as API Gateway sends it, past the structured-logging wrapper so that the
   * first real request is still logged as the cold start. It only reads.
   */
  APIGatewayV2HTTPResponse healthCheck() {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withVersion("2.0")
            .withRouteKey("GET /health")
            .withRawPath("/health")
            .withRawQueryString("")
            .withHeaders(Map.of("accept", "application/json"))
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRouteKey("GET /health")
                    .withStage("$default")
                    .withRequestId("snapstart-priming")
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("GET")
                            .withPath("/health")
                            .withProtocol("HTTP/1.1")
                            .withSourceIp("127.0.0.1")
                            .build())
                    .build())
            .build();
    return super.handleRequest(event, null);
  }

  private static ApplicationContext context(ApiBackend backend) {
    return new LambdaApplicationContextBuilder()
        .packages(ApiHandler.class.getPackageName())
        .singletons(backend)
        .deduceEnvironment(false)
        .build();
  }

  /**
   * Micronaut is given no Lambda context: with one it registers the context's objects as singletons
   * on every request, which clears its bean-definition caches each time (a fifth of the API's CPU
   * outside password hashing under load, docs/benchmarks.md "Where our JVM's CPU goes"). No route
   * needs them; the request id and the function's details reach the logs through Powertools.
   */
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> super.handleRequest(event, null));
  }
}

package dev.finpilot.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import dev.finpilot.testkit.http.RoutePattern;
import dev.finpilot.testkit.sqs.LocalContext;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.SqsEventSource;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The functions of template.yaml running in this JVM as Lambda would run them: each handler class
 * built with the environment the template gives it, each SQS trigger polled by an event-source
 * mapping, each HTTP API route invoking its function with an API Gateway event, and, once {@link
 * #startSchedules} is called, each scheduled function invoked with an EventBridge schedule event.
 */
public final class StackRuntime implements AutoCloseable {

  private final Environment env;
  private final Map<RoutePattern, HttpRoutes.Route> routes;
  private final Optional<HttpRoutes.Authorizer> authorizerSpec;
  private final Map<String, String> webSocketRoutes;
  private final Map<String, Object> handlers = new LinkedHashMap<>();
  private final List<SqsEventSourceMapping> pollers = new ArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "schedules");
            t.setDaemon(true);
            return t;
          });
  private HttpApiAuthorizer authorizer;

  private StackRuntime(
      Environment env,
      Map<RoutePattern, HttpRoutes.Route> routes,
      Optional<HttpRoutes.Authorizer> authorizerSpec,
      Map<String, String> webSocketRoutes) {
    this.env = env;
    this.routes = routes;
    this.authorizerSpec = authorizerSpec;
    this.webSocketRoutes = webSocketRoutes;
  }

  /**
   * Builds every function and starts polling its queues.
   *
   * @param pollersPerTrigger concurrent batches per queue, capped by the trigger's
   *     MaximumConcurrency
   */
  public static StackRuntime start(Environment env, SamTemplate template, int pollersPerTrigger) {
    StackRuntime runtime =
        new StackRuntime(
            env,
            HttpRoutes.read(template),
            HttpRoutes.defaultAuthorizer(template),
            WebSocketRoutes.read(template));
    for (FunctionSpec function : env.functions().values()) {
      Object handler = instantiate(function);
      runtime.handlers.put(function.logicalId(), handler);
      for (SqsEventSource source : function.sqsEvents()) {
        int concurrency =
            source.maximumConcurrency() > 0
                ? Math.min(source.maximumConcurrency(), pollersPerTrigger)
                : pollersPerTrigger;
        runtime.pollers.add(
            env.startPoller(function, source, sqsHandler(function, handler), concurrency));
      }
    }
    runtime.authorizer =
        runtime
            .authorizerSpec
            .map(
                spec ->
                    new HttpApiAuthorizer(
                        authorizerHandler(runtime.handlers.get(spec.function())),
                        spec.headers(),
                        spec.ttl(),
                        Clock.systemUTC()))
            .orElse(null);
    return runtime;
  }

  /**
   * Sends a request through the HTTP API: the route is matched as API Gateway matches it; a request
   * no route matches gets API Gateway's own 404 without invoking any function. A route that does
   * not opt out of the default authorizer goes through it first, as API Gateway does (401 without
   * the identity header, 403 when refused, the authorizer's context in the event when allowed).
   */
  public APIGatewayV2HTTPResponse invoke(
      String method, String path, HttpApiEvents.Builder request) {
    Optional<Map.Entry<RoutePattern, HttpRoutes.Route>> route =
        routes.entrySet().stream().filter(e -> e.getKey().matches(method, path)).findFirst();
    if (route.isEmpty()) {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(404)
          .withHeaders(Map.of("content-type", "application/json"))
          .withBody("{\"message\":\"Not Found\"}")
          .build();
    }
    FunctionSpec function = env.function(route.get().getValue().function());
    APIGatewayV2HTTPEvent event = request.route(route.get().getKey().routeKey()).build();
    if (authorizer != null && !route.get().getValue().open()) {
      FunctionSpec authorizerFunction = env.function(authorizerSpec.orElseThrow().function());
      HttpApiAuthorizer.Decision decision =
          authorizer.authorize(event, LocalContext.forInvocation(authorizerFunction));
      if (decision instanceof HttpApiAuthorizer.Decision.Refused refused) {
        return refused.response();
      }
      event = ((HttpApiAuthorizer.Decision.Allowed) decision).event();
    }
    return apiHandler(function).handleRequest(event, LocalContext.forInvocation(function));
  }

  /**
   * Sends a WebSocket API event ({@code $connect}, {@code $disconnect}) to the function its route
   * integrates with.
   *
   * @return the function's answer; empty when the template has no such route (API Gateway then
   *     accepts the connection, or has nothing to tell anyone of its end)
   */
  public Optional<APIGatewayV2WebSocketResponse> invokeWebSocket(APIGatewayV2WebSocketEvent event) {
    String function = webSocketRoutes.get(event.getRequestContext().getRouteKey());
    if (function == null) {
      return Optional.empty();
    }
    return Optional.of(
        webSocketHandler(handlers.get(function))
            .handleRequest(event, LocalContext.forInvocation(env.function(function))));
  }

  /**
   * Invokes every function with a Schedule event in the template every {@code interval}, the first
   * time {@code firstAfter} from now; the template's own schedule expressions (market hours in UTC)
   * are not evaluated, so a local stack can be watched at any hour. Runs never overlap: the next
   * waits for the previous one to end.
   */
  public void startSchedules(SamTemplate template, Duration firstAfter, Duration interval) {
    for (FunctionSpec function : env.functions().values()) {
      if (!template.events(function.logicalId(), "Schedule").isEmpty()) {
        scheduler.scheduleWithFixedDelay(
            () -> invokeScheduledSafely(function.logicalId()),
            firstAfter.toMillis(),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  /**
   * Invokes a scheduled function as EventBridge would for a schedule that fired at {@code time}.
   *
   * @return what the function answered
   */
  public Map<String, Object> invokeScheduled(String logicalId, Instant time) {
    FunctionSpec function = env.function(logicalId);
    Map<String, Object> event =
        Map.of(
            "version",
            "0",
            "id",
            UUID.randomUUID().toString(),
            "detail-type",
            "Scheduled Event",
            "source",
            "aws.events",
            "time",
            time.truncatedTo(ChronoUnit.SECONDS).toString(),
            "detail",
            Map.of());
    return scheduledHandler(handlers.get(logicalId))
        .handleRequest(event, LocalContext.forInvocation(function));
  }

  private void invokeScheduledSafely(String logicalId) {
    try {
      invokeScheduled(logicalId, Instant.now());
    } catch (RuntimeException e) {
      // As EventBridge would, the schedule keeps firing after a failed invocation.
      System.err.println(logicalId + " failed on its schedule: " + e);
    }
  }

  /** True once every poller has been idle (nothing received or in flight) for a moment. */
  public boolean awaitIdle(Duration timeout) {
    return pollers.stream().allMatch(p -> p.awaitIdle(timeout));
  }

  public Environment environment() {
    return env;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    pollers.forEach(SqsEventSourceMapping::close);
  }

  /** The function's handler, built with the environment the template gives it. */
  static Object instantiate(FunctionSpec function) {
    String className = function.handler().split("::", 2)[0];
    try {
      return Class.forName(className)
          .getConstructor(FunctionEnvironment.class)
          .newInstance(new FunctionEnvironment(function.environment()));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          function.logicalId() + ": " + className + " failed to start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          function.logicalId()
              + ": "
              + className
              + " needs a public constructor taking FunctionEnvironment",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(
      FunctionSpec function, Object handler) {
    return (RequestHandler<SQSEvent, SQSBatchResponse>) handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>
      webSocketHandler(Object handler) {
    return (RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>) handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<Map<String, Object>, Map<String, Object>> scheduledHandler(
      Object handler) {
    return (RequestHandler<Map<String, Object>, Map<String, Object>>) handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse>
      authorizerHandler(Object handler) {
    return (RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse>) handler;
  }

  @SuppressWarnings("unchecked")
  private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> apiHandler(
      FunctionSpec function) {
    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
        handlers.get(function.logicalId());
  }
}

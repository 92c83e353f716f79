package dev.finpilot.testkit.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an HTTP API does with a Lambda authorizer (payload format 2.0, simple responses) before it
 * invokes a route's integration:
 *
 * <ul>
 *   <li>a request without every identity-source header is answered {@code 401
 *       {"message":"Unauthorized"}} without calling the authorizer;
 *   <li>otherwise the authorizer gets the request as an {@link APIGatewayV2CustomAuthorizerEvent}
 *       with the header values as {@code identitySource};
 *   <li>{@code isAuthorized: false} is answered {@code 403 {"message":"Forbidden"}}, an authorizer
 *       that fails {@code 500 {"message":"Internal Server Error"}};
 *   <li>{@code isAuthorized: true} lets the request through with the authorizer's {@code context}
 *       as {@code requestContext.authorizer.lambda};
 *   <li>answers are cached per identity-source value for {@code ReauthorizeEvery} seconds (0: no
 *       cache), so a token accepted once keeps working until the cache entry expires.
 * </ul>
 */
public final class HttpApiAuthorizer {

  /** The integration may run, with the authorizer's context in the event. */
  public sealed interface Decision {
    record Allowed(APIGatewayV2HTTPEvent event) implements Decision {}

    record Refused(APIGatewayV2HTTPResponse response) implements Decision {}
  }

  private final RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> function;
  private final List<String> identityHeaders;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Cached> cache = new HashMap<>();

  private record Cached(SimpleIAMPolicyResponse response, Instant expiresAt) {}

  /**
   * @param identityHeaders the authorizer's {@code Identity.Headers} (any case)
   * @param ttl its {@code ReauthorizeEvery}
   */
  public HttpApiAuthorizer(
      RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> function,
      List<String> identityHeaders,
      Duration ttl,
      Clock clock) {
    this.function = Objects.requireNonNull(function, "function");
    this.identityHeaders = identityHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Decision authorize(APIGatewayV2HTTPEvent request, Context context) {
    List<String> identity = new ArrayList<>();
    for (String header : identityHeaders) {
      String value = request.getHeaders() == null ? null : request.getHeaders().get(header);
      if (value == null || value.isEmpty()) {
        return new Decision.Refused(answer(401, "Unauthorized"));
      }
      identity.add(value);
    }
    SimpleIAMPolicyResponse response;
    try {
      response = cachedOrCall(request, identity, context);
    } catch (RuntimeException e) {
      return new Decision.Refused(answer(500, "Internal Server Error"));
    }
    if (response == null || !response.getIsAuthorized()) {
      return new Decision.Refused(answer(403, "Forbidden"));
    }
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    Map<String, Object> lambda = new LinkedHashMap<>();
    if (response.getContext() != null) {
      lambda.putAll(response.getContext());
    }
    authorizer.setLambda(lambda);
    request.getRequestContext().setAuthorizer(authorizer);
    return new Decision.Allowed(request);
  }

  private synchronized SimpleIAMPolicyResponse cachedOrCall(
      APIGatewayV2HTTPEvent request, List<String> identity, Context context) {
    String key = String.join("\u0000", identity);
    Instant now = clock.instant();
    Cached hit = cache.get(key);
    if (hit != null && now.isBefore(hit.expiresAt())) {
      return hit.response();
    }
    SimpleIAMPolicyResponse response = function.handleRequest(event(request, identity), context);
    if (!ttl.isZero()) {
      cache.put(key, new Cached(response, now.plus(ttl)));
    }
    return response;
  }

  /** The request as API Gateway describes it to a payload-2.0 authorizer. */
  static APIGatewayV2CustomAuthorizerEvent event(
      APIGatewayV2HTTPEvent request, List<String> identity) {
    APIGatewayV2HTTPEvent.RequestContext rc = request.getRequestContext();
    APIGatewayV2CustomAuthorizerEvent.Http http =
        APIGatewayV2CustomAuthorizerEvent.Http.builder()
            .withMethod(rc.getHttp().getMethod())
            .withPath(rc.getHttp().getPath())
            .withProtocol(rc.getHttp().getProtocol())
            .withSourceIp(rc.getHttp().getSourceIp())
            .withUserAgent(rc.getHttp().getUserAgent())
            .build();
    APIGatewayV2CustomAuthorizerEvent.RequestContext context =
        APIGatewayV2CustomAuthorizerEvent.RequestContext.builder()
            .withAccountId(rc.getAccountId())
            .withApiId(rc.getApiId())
            .withDomainName(rc.getDomainName())
            .withDomainPrefix(rc.getDomainPrefix())
            .withHttp(http)
            .withRequestId(rc.getRequestId())
            .withRouteKey(rc.getRouteKey())
            .withStage(rc.getStage())
            .withTimeEpoch(rc.getTimeEpoch())
            .build();
    String[] domain = rc.getDomainName() == null ? new String[0] : rc.getDomainName().split("\\.");
    String region = domain.length > 2 ? domain[2] : "us-east-1";
    String routeArn =
        "arn:aws:execute-api:"
            + region
            + ":"
            + rc.getAccountId()
            + ":"
            + rc.getApiId()
            + "/"
            + rc.getStage()
            + "/"
            + rc.getHttp().getMethod()
            + rc.getHttp().getPath();
    return APIGatewayV2CustomAuthorizerEvent.builder()
        .withVersion("2.0")
        .withType("REQUEST")
        .withRouteArn(routeArn)
        .withIdentitySource(List.copyOf(identity))
        .withRouteKey(request.getRouteKey())
        .withRawPath(request.getRawPath())
        .withRawQueryString(request.getRawQueryString())
        .withCookies(request.getCookies())
        .withHeaders(request.getHeaders())
        .withQueryStringParameters(request.getQueryStringParameters())
        .withRequestContext(context)
        .withPathParameters(request.getPathParameters())
        .withStageVariables(request.getStageVariables())
        .build();
  }

  private static APIGatewayV2HTTPResponse answer(int status, String message) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(Map.of("content-type", "application/json"))
        .withBody("{\"message\":\"" + message + "\"}")
        .build();
  }
}

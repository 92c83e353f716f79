package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling. The only source is the Lambda authorizer's context that API Gateway places in the
 * event ({@code requestContext.authorizer.lambda.userId}, and {@code sessionId} for the session of
 * the access token); a body field or a header could be set by anyone, so neither is ever read.
 */
final class Caller {
  static final String USER_ID = "userId";
  static final String SESSION_ID = "sessionId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._@|:-]{1,128}");

  private Caller() {}

  static Optional<String> userId(APIGatewayV2HTTPEvent event) {
    return fromAuthorizer(event, USER_ID);
  }

  static Optional<String> sessionId(APIGatewayV2HTTPEvent event) {
    return fromAuthorizer(event, SESSION_ID);
  }

  private static Optional<String> fromAuthorizer(APIGatewayV2HTTPEvent event, String name) {
    if (event == null
        || event.getRequestContext() == null
        || event.getRequestContext().getAuthorizer() == null) {
      return Optional.empty();
    }
    Map<String, Object> lambda = event.getRequestContext().getAuthorizer().getLambda();
    Object value = lambda == null ? null : lambda.get(name);
    return value instanceof String s && SANE.matcher(s).matches()
        ? Optional.of(s)
        : Optional.empty();
  }

  static String require(APIGatewayV2HTTPEvent event) {
    return userId(event)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.UNAUTHENTICATED,
                    "this route needs an authenticated caller; send a valid access token"));
  }
}

package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling. The only source is the Lambda authorizer's context that API Gateway places in the
 * event ({@code requestContext.authorizer.lambda.userId}); a body field or a header could be set by
 * anyone, so neither is ever read.
 */
final class Caller {
  static final String USER_ID = "userId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._@|:-]{1,128}");

  private Caller() {}

  static Optional<String> userId(APIGatewayV2HTTPEvent event) {
    if (event == null
        || event.getRequestContext() == null
        || event.getRequestContext().getAuthorizer() == null) {
      return Optional.empty();
    }
    Map<String, Object> lambda = event.getRequestContext().getAuthorizer().getLambda();
    Object userId = lambda == null ? null : lambda.get(USER_ID);
    return userId instanceof String s && SANE.matcher(s).matches()
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

package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** The sample events of {@code events/api/}, loaded fresh for each test so tests may edit them. */
final class ApiEvents {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ApiEvents() {}

  static APIGatewayV2HTTPEvent load(String name) {
    try {
      APIGatewayV2HTTPEvent event =
          MAPPER.readValue(
              Files.readString(RepositoryFiles.resolve("events/api/" + name)),
              APIGatewayV2HTTPEvent.class);
      event.setHeaders(new HashMap<>(event.getHeaders()));
      return event;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String header(APIGatewayV2HTTPEvent event, String name) {
    return event.getHeaders().get(name);
  }

  /** The same event as another caller, as the authorizer would describe them. */
  static APIGatewayV2HTTPEvent asUser(APIGatewayV2HTTPEvent event, String userId) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
        new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setLambda(Map.of(Caller.USER_ID, userId));
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
  }

  /** A request for {@code method path}, as API Gateway would describe it. */
  static APIGatewayV2HTTPEvent route(APIGatewayV2HTTPEvent event, String method, String path) {
    event.setRawPath(path);
    event.setRouteKey("$default");
    event.getRequestContext().setRouteKey("$default");
    event.getRequestContext().getHttp().setMethod(method);
    event.getRequestContext().getHttp().setPath(path);
    event.setPathParameters(null);
    return event;
  }
}

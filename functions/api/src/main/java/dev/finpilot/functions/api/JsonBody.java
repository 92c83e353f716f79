package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a JSON request body from the API Gateway event rather than letting Micronaut bind it, so
 * the checks run in a fixed order whatever the body: content type (415), size (413), JSON (400),
 * then the route's own rules (422).
 */
final class JsonBody {
  static final String JSON = MediaType.APPLICATION_JSON;

  /** The largest body of any route but plan creation (credentials, goal text, refresh tokens). */
  static final int SMALL_BODY_BYTES = 8 * 1024;

  private JsonBody() {}

  static <T> T read(
      HttpRequest<?> request, APIGatewayV2HTTPEvent event, Class<T> type, int maxBytes) {
    return RequestBodies.read(text(request, event, maxBytes), type);
  }

  /** The body as text, after the content-type and size checks. */
  static @Nullable String text(HttpRequest<?> request, APIGatewayV2HTTPEvent event, int maxBytes) {
    requireJson(request);
    String body = decoded(event);
    if (body != null && body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "the request body exceeds " + maxBytes + " bytes (" + maxBytes / 1024 + " KiB)");
    }
    return body;
  }

  private static void requireJson(HttpRequest<?> request) {
    boolean json = request.getContentType().map(t -> JSON.equals(t.getName())).orElse(false);
    if (!json) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "send the body as " + JSON + " (Content-Type header)");
    }
  }

  private static @Nullable String decoded(APIGatewayV2HTTPEvent event) {
    if (event.getBody() == null || !event.getIsBase64Encoded()) {
      return event.getBody();
    }
    try {
      return new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "the request body is not base64");
    }
  }
}

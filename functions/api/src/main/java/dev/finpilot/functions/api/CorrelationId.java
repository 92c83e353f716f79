package dev.finpilot.functions.api;

import dev.finpilot.messaging.MessageOrigin;
import io.micronaut.http.HttpRequest;

/**
 * The correlation id of one API request: the caller's {@code x-correlation-id} when it is a sane
 * token, otherwise a new UUID. It is decided once per request and kept as a request attribute, so
 * the response header, every problem body and every message sent agree.
 */
final class CorrelationId {
  static final String HEADER = "x-correlation-id";
  static final int MAX_LENGTH = MessageOrigin.MAX_CORRELATION_ID_LENGTH;

  private static final String ATTRIBUTE = "finpilot.correlationId";

  private CorrelationId() {}

  static String of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, String.class)
        .orElseGet(
            () -> {
              String id = resolve(request.getHeaders().get(HEADER));
              request.setAttribute(ATTRIBUTE, id);
              return id;
            });
  }

  static String resolve(String incoming) {
    return MessageOrigin.correlationIdOr(incoming, MessageOrigin.newCorrelationId());
  }
}

package dev.finpilot.functions.api;

import dev.finpilot.messaging.MessageOrigin;
import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/**
 * The correlation id of one API request: the caller's {@code x-correlation-id} when it is a sane
 * token, otherwise a new UUID. It is decided once per request and kept as a request attribute, so
 * the response header, every problem body and every message sent agree.
 */
final class CorrelationId {
  static final String HEADER = "x-correlation-id";
  static final int MAX_LENGTH = 128;

  private static final String ATTRIBUTE = "finpilot.correlationId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

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

  /** Anything else (too long, spaces, control characters) could forge log lines or headers. */
  static String resolve(String incoming) {
    return incoming != null && SANE.matcher(incoming).matches()
        ? incoming
        : MessageOrigin.newCorrelationId();
  }
}

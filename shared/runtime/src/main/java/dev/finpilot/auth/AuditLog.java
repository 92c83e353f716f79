package dev.finpilot.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The security audit trail: one JSON line per event on the {@value #LOGGER} logger, with the user
 * id (when known) and the correlation id of the request. Callers pass only identifiers, reasons and
 * addresses: never a password, a token, a hash or any financial figure, so the trail can be kept
 * and searched longer than the data it describes.
 */
public final class AuditLog {
  public static final String LOGGER = "finpilot.audit";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What happened. */
  public enum Event {
    REGISTERED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    REFRESH_REFUSED,
    TOKEN_REFUSED,
    LOGGED_OUT,
    SESSION_REVOKED,
    PASSWORD_CHANGED,
    ACCOUNT_ERASED
  }

  private final Consumer<String> sink;

  public AuditLog(Consumer<String> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Lines go to the {@value #LOGGER} logger at INFO. */
  public static AuditLog toLogger() {
    return new AuditLog(LoggerFactory.getLogger(LOGGER)::info);
  }

  /**
   * Writes one line.
   *
   * @param userId the user concerned, or {@code null} when not known
   * @param details further fields, such as {@code reason} or {@code sessionId}
   */
  public void record(
      Event event, String userId, String correlationId, Map<String, String> details) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("audit", event.name());
    line.put("userId", userId);
    line.put("correlationId", correlationId);
    line.putAll(details);
    try {
      sink.accept(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}

package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.cli.WebSocketFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A user's live updates (docs/api.md "Live updates", received by the CLI's {@link WebSocketFeed}),
 * counted per plan, so that the user waits for news instead of polling on a timer. A socket that
 * does not open, or closes (a restarted runtime), leaves the user polling; pushes are a courtesy,
 * and the plan's state is always read over HTTP. Used by its user's thread only.
 */
final class PlanFeed {

  private static final Duration CONNECT_PATIENCE = Duration.ofMinutes(2);

  /** The pushes of one plan so far and the status the newest one announced. */
  record Pushes(int count, String status) {}

  private final Optional<WebSocketFeed> socket;
  private final LongAdder received;
  private final Map<String, Pushes> pushes = new HashMap<>();

  private PlanFeed(Optional<WebSocketFeed> socket, LongAdder received) {
    this.socket = socket;
    this.received = received;
  }

  /** A feed that never opened: its user polls. */
  static PlanFeed none() {
    return new PlanFeed(Optional.empty(), new LongAdder());
  }

  /**
   * Connects with the session's access token; a refused or failed handshake gives {@link #none}.
   */
  static PlanFeed connect(HttpClient http, URI webSocket, Session session, LongAdder received) {
    return new PlanFeed(
        WebSocketFeed.connect(http, webSocket, session.accessToken(), CONNECT_PATIENCE), received);
  }

  boolean isOpen() {
    return socket.isPresent() && socket.get().isOpen();
  }

  /** Pushes received for the plan so far. */
  int count(String planId) {
    while (take(Duration.ZERO)) {
      // Counts every message already here.
    }
    return countOf(planId);
  }

  /**
   * Waits for a push of the plan beyond the {@code seen}-th, until {@code until} or the socket
   * closes; empty when none came.
   */
  Optional<Pushes> awaitBeyond(String planId, int seen, Instant until) {
    while (countOf(planId) <= seen && isOpen()) {
      Duration left = Duration.between(Instant.now(), until);
      if (left.isNegative() || left.isZero() || !take(left)) {
        break;
      }
    }
    return countOf(planId) > seen ? Optional.of(pushes.get(planId)) : Optional.empty();
  }

  /** Says goodbye, as a client leaving does, so the API forgets the connection. */
  void close() {
    socket.ifPresent(WebSocketFeed::close);
  }

  /** Counts the next message, waiting up to {@code patience}; whether one came. */
  private boolean take(Duration patience) {
    if (socket.isEmpty()) {
      return false;
    }
    JsonNode message;
    try {
      message = socket.get().next(patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiClient.CallFailed("interrupted");
    }
    if (message == null) {
      return false;
    }
    // Types other than the plan's are ignored, as docs/api.md asks of clients.
    if (message.path("type").asText().startsWith("plan.")) {
      String planId = message.path("planId").asText();
      pushes.put(planId, new Pushes(countOf(planId) + 1, message.path("status").asText()));
      received.increment();
    }
    return true;
  }

  private int countOf(String planId) {
    Pushes seen = pushes.get(planId);
    return seen == null ? 0 : seen.count();
  }
}

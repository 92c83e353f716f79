package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A user's WebSocket to the API's live updates (docs/api.md "Live updates"): the pushes for each of
 * its plans, counted, so that the user waits for news instead of polling on a timer. A socket that
 * does not open, or closes (a restarted runtime), leaves the user polling; pushes are a courtesy,
 * and the plan's state is always read over HTTP.
 */
final class PlanFeed implements WebSocket.Listener {

  private static final Duration CONNECT_PATIENCE = Duration.ofMinutes(2);

  /** The pushes of one plan so far and the status the newest one announced. */
  record Pushes(int count, String status) {}

  private final LongAdder received;
  private final Map<String, Pushes> pushes = new HashMap<>();
  private final StringBuilder frame = new StringBuilder();
  private WebSocket socket;
  private boolean open;

  private PlanFeed(LongAdder received) {
    this.received = received;
  }

  /** A feed that never opened: its user polls. */
  static PlanFeed none() {
    return new PlanFeed(new LongAdder());
  }

  /**
   * Connects with the session's access token; a refused or failed handshake gives {@link #none}.
   */
  static PlanFeed connect(HttpClient http, URI webSocket, Session session, LongAdder received) {
    PlanFeed feed = new PlanFeed(received);
    URI withToken =
        URI.create(
            webSocket
                + "?token="
                + URLEncoder.encode(session.accessToken(), StandardCharsets.US_ASCII));
    try {
      http.newWebSocketBuilder()
          .connectTimeout(CONNECT_PATIENCE)
          .buildAsync(withToken, feed)
          .get(CONNECT_PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      feed.ended();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      feed.ended();
    }
    return feed;
  }

  @Override
  public synchronized void onOpen(WebSocket webSocket) {
    socket = webSocket;
    open = true;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    synchronized (this) {
      frame.append(data);
      if (last) {
        take(Json.readTree(frame.toString()));
        frame.setLength(0);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended();
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    ended();
  }

  private void take(JsonNode message) {
    // Types other than the plan's are ignored, as docs/api.md asks of clients.
    if (!message.path("type").asText().startsWith("plan.")) {
      return;
    }
    String planId = message.path("planId").asText();
    int before = count(planId);
    pushes.put(planId, new Pushes(before + 1, message.path("status").asText()));
    received.increment();
    notifyAll();
  }

  synchronized boolean isOpen() {
    return open;
  }

  /** Pushes received for the plan so far. */
  synchronized int count(String planId) {
    Pushes seen = pushes.get(planId);
    return seen == null ? 0 : seen.count();
  }

  /**
   * Waits for a push of the plan beyond the {@code seen}-th, until {@code until} or the socket
   * closes; empty when none came.
   */
  synchronized Optional<Pushes> awaitBeyond(String planId, int seen, Instant until) {
    while (open && count(planId) <= seen) {
      long left = Duration.between(Instant.now(), until).toMillis();
      if (left <= 0) {
        return Optional.empty();
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiClient.CallFailed("interrupted");
      }
    }
    return count(planId) > seen ? Optional.of(pushes.get(planId)) : Optional.empty();
  }

  /** Says goodbye, as a client leaving does, so the API forgets the connection. */
  void close() {
    WebSocket closing;
    synchronized (this) {
      closing = open ? socket : null;
      ended();
    }
    if (closing != null) {
      closing.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  private synchronized void ended() {
    open = false;
    notifyAll();
  }
}

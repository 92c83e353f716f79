package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live updates of the WebSocket API (docs/api.md, "Live updates"): the server pushes one JSON
 * text frame per plan transition of the connected user; this queues them for {@link PlanFollower}
 * (and for the load test's virtual users).
 */
public final class WebSocketFeed implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private volatile boolean open = true;
  private WebSocket socket;

  private WebSocketFeed() {}

  /** Connects with {@code token} in the query string; empty when nothing answers in time. */
  static Optional<WebSocketFeed> connect(URI endpoint, String token) {
    return connect(HttpClient.newHttpClient(), endpoint, token, CONNECT_TIMEOUT);
  }

  /**
   * Connects through {@code http} (many feeds can share one client), waiting up to {@code patience}
   * for the handshake; empty when nothing answers in time or the token is refused.
   */
  public static Optional<WebSocketFeed> connect(
      HttpClient http, URI endpoint, String token, Duration patience) {
    WebSocketFeed feed = new WebSocketFeed();
    String separator = endpoint.getRawQuery() == null ? "?" : "&";
    URI uri =
        URI.create(
            endpoint + separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    try {
      feed.socket =
          http.newWebSocketBuilder()
              .connectTimeout(patience)
              .buildAsync(uri, feed.new Listener())
              .get(patience.toMillis() + 500, TimeUnit.MILLISECONDS);
      return Optional.of(feed);
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  public boolean isOpen() {
    return open;
  }

  /** The next message, waiting at most {@code patience}; null when none came. */
  public JsonNode next(Duration patience) throws InterruptedException {
    return messages.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    open = false;
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          messages.add(JsonText.mapper().readTree(text));
        } catch (java.io.IOException e) {
          // Not a message of ours: the API says to ignore what we do not know.
        }
      }
      webSocket.request(1);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      open = false;
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      open = false;
    }
  }
}
